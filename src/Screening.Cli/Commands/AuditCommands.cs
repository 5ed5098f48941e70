using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Screening.Cli.Screening;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>audit query|show|verify</c>: the tenant's audit log (a tenant key reads its own; the operator names the tenant).</summary>
internal static class AuditCommands
{
    public static Command Create(CommandActions actions)
    {
        var tenant = Tenant();
        var from = new Option<string?>("--from") { Description = "only answers at or after this time (ISO 8601, e.g. 2026-01-31 or 2026-01-31T12:00:00Z)", HelpName = "time" };
        var to = new Option<string?>("--to") { Description = "only answers before this time (ISO 8601)", HelpName = "time" };
        var decision = new Option<string?>("--decision") { Description = "only this decision" };
        decision.AcceptOnlyFromAmong("clear", "potential-match");
        var reference = new Option<string?>("--reference") { Description = "only answers with exactly this client reference" };
        var limit = new Option<int>("--limit") { Description = "at most this many answers, newest first (0: all)", DefaultValueFactory = _ => 50 };
        var query = new Command("query", "List answers, newest first, filtered by time, decision and reference") { tenant, from, to, decision, reference, limit };
        actions.Set(query, async (context, ct) =>
        {
            var request = new QueryScreeningsRequest
            {
                TenantId = context.Value(tenant) ?? string.Empty,
                Decision = context.Value(decision) switch
                {
                    "clear" => Decision.Clear,
                    "potential-match" => Decision.PotentialMatch,
                    _ => Decision.Unspecified,
                },
                ClientReference = context.Value(reference) ?? string.Empty,
            };
            if (context.Value(from) is { } f)
            {
                request.From = Time(f, "--from");
            }

            if (context.Value(to) is { } t)
            {
                request.To = Time(t, "--to");
            }

            var max = context.Value(limit);
            if (max < 0)
            {
                throw new CliException(ExitCodes.Usage, "--limit must be 0 (all) or more");
            }

            var all = new QueryScreeningsResponse();
            do
            {
                request.PageSize = max == 0 ? 1000 : Math.Min(1000, max - all.Screenings.Count);
                var page = await context.Connection.Audit.QueryScreeningsAsync(request, cancellationToken: ct);
                all.Screenings.AddRange(page.Screenings);
                request.PageToken = page.NextPageToken;
                all.NextPageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && (max == 0 || all.Screenings.Count < max));

            if (context.Json)
            {
                context.WriteJson(all);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("seq", "screened at", "decision", "reference", "as of", "lists", "screening id");
            foreach (var s in all.Screenings)
            {
                table.AddRow(
                    s.Sequence.ToString(CultureInfo.InvariantCulture), Markup.Escape(Format(s.ScreenedAt)), DecisionMarkup(s.Decision), Markup.Escape(s.ClientReference),
                    Markup.Escape(s.AsOf), Markup.Escape(SubjectFields.Versions(s.ListVersions)), Markup.Escape(s.ScreeningId));
            }

            context.Out.Write(table);
            if (all.NextPageToken.Length > 0)
            {
                context.Err.MarkupLine($"[grey]more answers exist; raise --limit (0 for all)[/]");
            }

            return ExitCodes.Ok;
        });

        var showTenant = Tenant();
        var id = new Argument<string>("screening-id") { Description = "the screening_id of an answer" };
        var show = new Command("show", "One recorded answer: request, answer, list versions, time and chain position") { showTenant, id };
        actions.Set(show, async (context, ct) =>
        {
            var record = await context.Connection.Audit.GetScreeningAsync(
                new GetScreeningRequest { TenantId = context.Value(showTenant) ?? string.Empty, ScreeningId = context.Value(id) }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(record);
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("screening", Markup.Escape(record.ScreeningId));
            grid.AddRow("tenant", Markup.Escape(record.TenantId));
            grid.AddRow("screened at", Markup.Escape(Format(record.ScreenedAt)));
            grid.AddRow("reference", Markup.Escape(record.ClientReference));
            grid.AddRow("chain", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"#{record.Sequence}, hash {record.Hash}, previous {record.PreviousHash}")));
            context.Out.Write(grid);
            context.Out.WriteLine();
            try
            {
                var request = JsonParser.Default.Parse<ScreenRequest>(record.RequestJson);
                var response = JsonParser.Default.Parse<ScreenResponse>(record.ResponseJson);
                ScreenCommand.Render(context.Out, request.Subject ?? new Subject(), response);
            }
            catch (InvalidProtocolBufferException)
            {
                context.Out.WriteLine(record.RequestJson);
                context.Out.WriteLine(record.ResponseJson);
            }

            return ExitCodes.Ok;
        });

        var verifyTenant = Tenant();
        var verify = new Command("verify", "Recompute the tenant's hash chain; exit 7 if it is broken") { verifyTenant };
        actions.Set(verify, async (context, ct) =>
        {
            var result = await context.Connection.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest { TenantId = context.Value(verifyTenant) ?? string.Empty }, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(result);
            }
            else if (result.Intact)
            {
                context.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"[green]intact[/]: {Markup.Escape(result.TenantId)}, {result.RecordsChecked:N0} records (#{result.RetainedFromSequence}..#{result.HeadSequence}), head {Markup.Escape(result.HeadHash)}"));
            }
            else
            {
                var b = result.FirstBreak;
                context.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"[red]BROKEN[/]: {Markup.Escape(result.TenantId)} at #{b?.Sequence} ({Markup.Escape(b?.Reason ?? "unknown")}), screening {Markup.Escape(b?.ScreeningId ?? string.Empty)}; {result.RecordsChecked:N0} records verified before it"));
            }

            return result.Intact ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return new Command("audit", "Query and verify the audit log of screening answers") { query, show, verify };
    }

    private static Option<string?> Tenant() => new("--tenant") { Description = "the tenant (required with the operator key; a tenant key reads its own)" };

    private static Timestamp Time(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? Timestamp.FromDateTimeOffset(t)
            : throw new CliException(ExitCodes.Usage, $"{option} '{text}' is not a time such as 2026-01-31 or 2026-01-31T12:00:00Z");

    private static string Format(Timestamp? t) => t is null ? string.Empty : t.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string DecisionMarkup(Decision d) => d == Decision.PotentialMatch ? "[red]POTENTIAL_MATCH[/]" : Markup.Escape(SubjectFields.Name(d));
}
