using System.CommandLine;
using System.Globalization;
using Screening.Cli.Screening;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>screen NAME...</c>: screens one subject and explains the answer.</summary>
internal static class ScreenCommand
{
    public static Command Create(CommandActions actions)
    {
        var names = new Argument<string[]>("name") { Description = "the subject's name; give several for aliases or other scripts", Arity = ArgumentArity.OneOrMore };
        names.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } unknown)
            {
                result.AddError($"unknown option '{unknown.Value}'");
            }
        });
        var asOf = new Option<string?>("--as-of") { Description = "date at which designations must be in force, YYYY-MM-DD (default today)", HelpName = "date" };
        var dob = new Option<string[]>("--dob") { Description = "date of birth or incorporation: YYYY, YYYY-MM or YYYY-MM-DD (repeatable)", HelpName = "date" };
        var country = new Option<string[]>("--country") { Description = "ISO 3166 alpha-2 nationality, residence or registration (repeatable)", HelpName = "code" };
        var type = new Option<string?>("--type") { Description = "individual, entity, vessel, aircraft or unknown (default: any)" };
        type.AcceptOnlyFromAmong(SubjectFields.TypeNames);
        var identifier = new Option<string[]>("--id") { Description = "identifier as kind:value, e.g. passport:N1234567 (repeatable)", HelpName = "kind:value" };
        var reference = new Option<string?>("--reference") { Description = "your reference (customer or payment id), kept in the audit log" };
        var minScore = new Option<double?>("--min-score") { Description = "minimum score in [0, 1]; may only raise the tenant's threshold" };
        var command = new Command("screen", "Screen one subject with a screening or tenant-admin key, and explain the answer")
        {
            names, asOf, dob, country, type, identifier, reference, minScore,
        };
        actions.Set(command, async (context, ct) =>
        {
            var subject = new Subject();
            subject.Names.AddRange(context.Value(names));
            if (!SubjectFields.TryCheckNames(subject.Names, out var error))
            {
                throw new CliException(ExitCodes.Usage, error);
            }

            foreach (var d in context.Value(dob) ?? [])
            {
                subject.BirthDates.Add(SubjectFields.TryParseDate(d, out var date, out error) ? date : throw new CliException(ExitCodes.Usage, error));
            }

            foreach (var c in context.Value(country) ?? [])
            {
                subject.Countries.Add(SubjectFields.TryParseCountry(c, out var code, out error) ? code : throw new CliException(ExitCodes.Usage, error));
            }

            if (context.Value(type) is { } t)
            {
                subject.Type = SubjectFields.TryParseType(t, out var parsed, out error) ? parsed : throw new CliException(ExitCodes.Usage, error);
            }

            foreach (var id in context.Value(identifier) ?? [])
            {
                var colon = id.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == id.Length - 1)
                {
                    throw new CliException(ExitCodes.Usage, $"--id '{id}' is not kind:value, e.g. passport:N1234567");
                }

                subject.Identifiers.Add(new Identifier { Kind = id[..colon].Trim().ToLowerInvariant(), Value = id[(colon + 1)..].Trim() });
            }

            var request = new ScreenRequest
            {
                Subject = subject,
                ClientReference = context.Value(reference) ?? string.Empty,
                AsOf = context.Value(asOf) ?? string.Empty,
                MinScore = context.Value(minScore) ?? 0,
            };
            var response = await context.Connection.Screening.ScreenAsync(request, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(response);
            }
            else
            {
                Render(context.Out, subject, response);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Render(IAnsiConsole console, Subject subject, ScreenResponse response)
    {
        var match = response.Decision == Decision.PotentialMatch;
        console.MarkupLine(
            $"{(match ? "[bold red]POTENTIAL MATCH[/]" : "[bold green]CLEAR[/]")}  {Markup.Escape(string.Join(" / ", subject.Names))}"
            + $"  [grey](as of {Markup.Escape(response.AsOf)}, threshold {F(response.Threshold)})[/]");
        if (response.Hits.Count == 0)
        {
            console.WriteLine("No designation in force matched at or above the threshold.");
        }

        foreach (var hit in response.Hits)
        {
            RenderHit(console, hit, former: false);
        }

        if (response.FormerDesignations.Count > 0)
        {
            console.MarkupLine("[bold]Former designations[/] [grey](matched, but not in force at the as-of date; they never make a match)[/]");
            foreach (var hit in response.FormerDesignations)
            {
                RenderHit(console, hit, former: true);
            }
        }

        console.MarkupLine($"[grey]lists used: {Markup.Escape(SubjectFields.Versions(response.ListVersions))}[/]");
        console.MarkupLine($"[grey]screening id: {Markup.Escape(response.ScreeningId)}[/]");
    }

    private static void RenderHit(IAnsiConsole console, Hit hit, bool former)
    {
        console.WriteLine();
        console.MarkupLine(
            $"  [bold]{F(hit.Score)}[/]  {Markup.Escape(hit.DesignationName)}  [grey]{Markup.Escape(hit.DesignationId)}[/]");
        if (!string.Equals(hit.MatchedName, hit.DesignationName, StringComparison.Ordinal) && hit.MatchedName.Length > 0)
        {
            console.MarkupLine($"        matched alias: {Markup.Escape(hit.MatchedName)}");
        }

        var listed = $"        {Markup.Escape(hit.Jurisdiction)} list {Markup.Escape(hit.ListId)}, listed {Markup.Escape(Or(hit.ListedOn, "(date unknown)"))}";
        if (former)
        {
            listed += $", delisted {Markup.Escape(hit.DelistedOn)}" + (hit.DelistingReason.Length > 0 ? $": {Markup.Escape(hit.DelistingReason)}" : string.Empty);
        }

        console.MarkupLine(listed);
        if (hit.LegalBasis.Length > 0)
        {
            console.MarkupLine($"        legal basis: {Markup.Escape(hit.LegalBasis)}");
        }

        if (hit.Programmes.Count > 0)
        {
            console.MarkupLine($"        programmes: {Markup.Escape(string.Join(", ", hit.Programmes))}");
        }

        if (hit.Explanation.Length > 0)
        {
            console.MarkupLine($"        why: {Markup.Escape(hit.Explanation)}");
        }

        foreach (var c in hit.Contributions)
        {
            var sign = c.Weight >= 0 ? "+" : "-";
            console.MarkupLine($"          {sign}{F(Math.Abs(c.Weight))}  {Markup.Escape(c.Factor)}" + (c.Detail.Length > 0 ? $" [grey]({Markup.Escape(c.Detail)})[/]" : string.Empty));
        }
    }

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
