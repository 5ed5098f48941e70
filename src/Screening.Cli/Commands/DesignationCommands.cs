using System.CommandLine;
using Screening.Cli.Screening;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>designation show</c> (history as a timeline) and <c>delistings record|list</c> (operator key).</summary>
internal static class DesignationCommands
{
    public static IEnumerable<Command> Create(CommandActions actions)
    {
        yield return Designation(actions);
        yield return Delistings(actions);
    }

    private static Command Designation(CommandActions actions)
    {
        var id = new Argument<string>("designation-id") { Description = "<list id>/<source id>, e.g. UN/consolidated/TAi.004" };
        var show = new Command("show", "A designation: names, attributes and its history as a timeline") { id };
        actions.Set(show, async (context, ct) =>
        {
            var detail = await context.Connection.Lists.GetDesignationAsync(new GetDesignationRequest { DesignationId = context.Value(id) }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(detail);
                return ExitCodes.Ok;
            }

            Render(context.Out, detail);
            return ExitCodes.Ok;
        });
        return new Command("designation", "Designations of the lists (operator key)") { show };
    }

    private static Command Delistings(CommandActions actions)
    {
        var id = new Argument<string>("designation-id") { Description = "<list id>/<source id>, e.g. KZ/terrorist-organisations/KZ-TO-TALIBAN" };
        var effective = new Option<string>("--effective") { Description = "date the delisting takes effect, YYYY-MM-DD", Required = true, HelpName = "date" };
        var basis = new Option<string>("--legal-basis") { Description = "the act: court decision, order, resolution", Required = true };
        var reason = new Option<string?>("--reason") { Description = "why, in words" };
        var source = new Option<string?>("--source") { Description = "where the fact comes from (gazette, court, ministry)" };
        var record = new Command("record", "Record a delisting with its effective date, legal basis and reason") { id, effective, basis, reason, source };
        actions.Set(record, async (context, ct) =>
        {
            var result = await context.Connection.Lists.RecordDelistingAsync(
                new RecordDelistingRequest
                {
                    DesignationId = context.Value(id),
                    EffectiveDate = context.Value(effective),
                    LegalBasis = context.Value(basis),
                    Reason = context.Value(reason) ?? string.Empty,
                    SourceReference = context.Value(source) ?? string.Empty,
                },
                cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(result);
            }
            else
            {
                context.Out.WriteLine($"delisted {result.DesignationId} effective {result.Revision.EffectiveDate}; list version {ListCommands.N(result.Version)}");
            }

            return ExitCodes.Ok;
        });

        var listId = new Argument<string>("list-id") { Description = "e.g. KZ/terrorist-organisations" };
        var since = new Option<long>("--since") { Description = "only delistings recorded in versions after this one", HelpName = "version" };
        var list = new Command("list", "Delistings recorded in a list") { listId, since };
        actions.Set(list, async (context, ct) =>
        {
            var response = await context.Connection.Lists.ListRevisionsAsync(
                new ListRevisionsRequest { ListId = context.Value(listId), SinceVersion = context.Value(since), Limit = 100_000 }, cancellationToken: ct);
            var delistings = new ListRevisionsResponse { CurrentVersion = response.CurrentVersion };
            delistings.Revisions.AddRange(response.Revisions.Where(r => r.Kind == "delisted"));
            if (context.Json)
            {
                context.WriteJson(delistings);
            }
            else
            {
                context.Out.Write(RevisionTable(delistings.Revisions, withDesignation: true));
            }

            return ExitCodes.Ok;
        });
        return new Command("delistings", "Record and list delistings (operator key)") { record, list };
    }

    internal static Table RevisionTable(IEnumerable<Revision> revisions, bool withDesignation)
    {
        var table = new Table().AddColumns("effective", "kind", "version");
        if (withDesignation)
        {
            table.AddColumn("designation");
        }

        table.AddColumns("legal basis", "reason", "recorded");
        foreach (var r in revisions)
        {
            var cells = new List<string> { Markup.Escape(r.EffectiveDate), Kind(r.Kind), ListCommands.N(r.ListVersion) };
            if (withDesignation)
            {
                cells.Add(Markup.Escape(r.DesignationId));
            }

            cells.AddRange([Markup.Escape(r.LegalBasis), Markup.Escape(r.Reason), Markup.Escape(r.RecordedAt)]);
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static void Render(IAnsiConsole console, DesignationDetail detail)
    {
        var d = detail.Designation;
        var primary = d.Names.FirstOrDefault()?.FullName ?? "(no name)";
        console.MarkupLine($"[bold]{Markup.Escape(primary)}[/]  {Markup.Escape(detail.DesignationId)}  {(detail.InForce ? "[red]in force[/]" : "[green]not in force[/]")}");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("type", SubjectFields.Name(d.Type));
        foreach (var n in d.Names.Skip(1))
        {
            grid.AddRow(Markup.Escape(n.Quality.Length == 0 ? "name" : n.Quality), Markup.Escape(n.FullName) + (n.Script.Length > 0 ? $" [grey]({Markup.Escape(n.Script)})[/]" : string.Empty));
        }

        if (d.BirthDates.Count > 0)
        {
            grid.AddRow("born", Markup.Escape(string.Join(", ", d.BirthDates.Select(Date))));
        }

        if (d.Countries.Count > 0)
        {
            grid.AddRow("countries", Markup.Escape(string.Join(", ", d.Countries)));
        }

        foreach (var i in d.Identifiers)
        {
            grid.AddRow(Markup.Escape(i.Kind), Markup.Escape(i.Value + (i.Country.Length > 0 ? $" ({i.Country})" : string.Empty)));
        }

        if (d.Programmes.Count > 0)
        {
            grid.AddRow("programmes", Markup.Escape(string.Join(", ", d.Programmes)));
        }

        if (d.LegalBasis.Length > 0)
        {
            grid.AddRow("legal basis", Markup.Escape(d.LegalBasis));
        }

        console.Write(grid);
        console.WriteLine();
        console.MarkupLine("[bold]History[/]");
        for (var i = 0; i < detail.Revisions.Count; i++)
        {
            var r = detail.Revisions[i];
            var last = i == detail.Revisions.Count - 1;
            console.MarkupLine($"  {Markup.Escape(Or(r.EffectiveDate, "unknown")),-10}  ●  {Kind(r.Kind)}  [grey]list version {ListCommands.N(r.ListVersion)}, recorded {Markup.Escape(r.RecordedAt)}[/]");
            var bar = last ? " " : "│";
            if (r.LegalBasis.Length > 0)
            {
                console.MarkupLine($"  {string.Empty,-10}  {bar}  {Markup.Escape(r.LegalBasis)}");
            }

            if (r.Reason.Length > 0)
            {
                console.MarkupLine($"  {string.Empty,-10}  {bar}  reason: {Markup.Escape(r.Reason)}");
            }

            if (r.ChangedFields.Count > 0)
            {
                console.MarkupLine($"  {string.Empty,-10}  {bar}  changed: {Markup.Escape(string.Join(", ", r.ChangedFields))}");
            }

            if (r.SourceReference.Length > 0)
            {
                console.MarkupLine($"  {string.Empty,-10}  {bar}  [grey]source: {Markup.Escape(r.SourceReference)}[/]");
            }
        }
    }

    private static string Kind(string kind) => kind switch
    {
        "listed" => "[red]listed[/]",
        "relisted" => "[red]relisted[/]",
        "delisted" => "[green]delisted[/]",
        "amended" => "[yellow]amended[/]",
        _ => Markup.Escape(kind),
    };

    private static string Date(PartialDate d) =>
        d.Month == 0 ? FormattableString.Invariant($"{d.Year:0000}")
        : d.Day == 0 ? FormattableString.Invariant($"{d.Year:0000}-{d.Month:00}")
        : FormattableString.Invariant($"{d.Year:0000}-{d.Month:00}-{d.Day:00}");

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}
