using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>alerts list|show|decide|watch</c>: monitoring alerts of the key's tenant (MonitoringService).</summary>
internal static class AlertCommands
{
    public static Command Create(CommandActions actions) => new("alerts", "Review, decide and watch the monitoring alerts of the key's tenant")
    {
        List(actions),
        Show(actions),
        Decide(actions),
        Watch(actions),
    };

    private static Command List(CommandActions actions)
    {
        var state = new Option<string>("--state") { Description = "only alerts in this state: open, closed, decided or all", DefaultValueFactory = _ => "all" };
        state.AcceptOnlyFromAmong("open", "closed", "decided", "all");
        var customer = new Option<string?>("--customer") { Description = "only alerts of this customer id" };
        var limit = new Option<int>("--limit") { Description = "at most this many alerts, oldest first (0: all pages)", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--limit must not be negative");
            }
        });
        var command = new Command("list", "List alerts, oldest first (screening or tenant-admin key)") { state, customer, limit };
        actions.Set(command, async (context, ct) =>
        {
            var max = context.Value(limit);
            var all = new ListAlertsResponse();
            var request = new ListAlertsRequest { State = ParseState(context.Value(state)), CustomerId = context.Value(customer) ?? string.Empty, PageSize = max is > 0 and < 1000 ? max : 1000 };
            do
            {
                var page = await context.Connection.Monitoring.ListAlertsAsync(request, cancellationToken: ct);
                all.Alerts.AddRange(page.Alerts);
                request.PageToken = page.NextPageToken;
                all.NextPageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && (max == 0 || all.Alerts.Count < max));

            if (max > 0 && all.Alerts.Count > max)
            {
                // The token still points after the last alert of the last page; drop the extra ones and the token.
                while (all.Alerts.Count > max)
                {
                    all.Alerts.RemoveAt(all.Alerts.Count - 1);
                }

                all.NextPageToken = string.Empty;
            }

            if (context.Json)
            {
                context.WriteJson(all);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("alert id", "state", "customer", "designation", "score", "opened", "decision / close reason");
            foreach (var a in all.Alerts)
            {
                table.AddRow(
                    Markup.Escape(a.AlertId),
                    StateName(a.State),
                    Markup.Escape(a.CustomerId),
                    Markup.Escape(a.DesignationId),
                    a.Score.ToString("0.00", CultureInfo.InvariantCulture),
                    Markup.Escape(a.OpenedAt),
                    Markup.Escape(a.State == AlertState.Decided ? DecisionName(a.Decision) : a.CloseReason));
            }

            context.Out.Write(table);
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{all.Alerts.Count} alerts") + (all.NextPageToken.Length > 0 ? " (more: raise --limit, 0 for all)" : string.Empty));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandActions actions)
    {
        var id = AlertArgument();
        var command = new Command("show", "One alert with its explanation and history") { id };
        actions.Set(command, async (context, ct) =>
            Write(context, await context.Connection.Monitoring.GetAlertAsync(new GetAlertRequest { AlertId = context.Value(id) }, cancellationToken: ct)));
        return command;
    }

    private static Command Decide(CommandActions actions)
    {
        var id = AlertArgument();
        var decision = new Argument<string>("decision") { Description = "true-match (the customer is the designated subject) or false-positive (adds an allow-list entry for the customer and designation)" };
        decision.AcceptOnlyFromAmong("true-match", "false-positive");
        var note = new Option<string>("--note") { Description = "why (required, at most 2000 characters); kept with the alert", Required = true };
        var command = new Command("decide", "Record an analyst's decision on an open alert (tenant-admin key)") { id, decision, note };
        actions.Set(command, async (context, ct) =>
        {
            var request = new DecideAlertRequest
            {
                AlertId = context.Value(id),
                Decision = context.Value(decision) == "true-match" ? AlertDecision.TrueMatch : AlertDecision.FalsePositive,
                Note = context.Value(note),
            };
            return Write(context, await context.Connection.Monitoring.DecideAlertAsync(request, cancellationToken: ct));
        });
        return command;
    }

    private static Command Watch(CommandActions actions)
    {
        var after = new Option<long>("--after") { Description = "resume after this sequence (the last one printed); default: only changes from now" };
        var count = new Option<int>("--count") { Description = "stop after this many changes (default: run until Ctrl-C)" };
        var command = new Command("watch", "Print alert changes (opened, closed, decided) as they are committed, until Ctrl-C; --json prints one JSON object per line") { after, count };
        actions.Set(command, async (context, ct) =>
        {
            var max = context.Value(count);
            var seen = 0;
            using var call = context.Connection.Monitoring.WatchAlerts(new WatchAlertsRequest { AfterSequence = context.Value(after) }, cancellationToken: ct);
            if (!context.Json)
            {
                context.Err.WriteLine("watching alerts; Ctrl-C to stop");
            }

            try
            {
                while (await call.ResponseStream.MoveNext(ct))
                {
                    var change = call.ResponseStream.Current;
                    if (context.Json)
                    {
                        context.WriteJsonLine(change);
                    }
                    else
                    {
                        var a = change.Alert;
                        var detail = a.State switch
                        {
                            AlertState.Closed => a.CloseReason,
                            AlertState.Decided => DecisionName(a.Decision) + ": " + a.Note,
                            _ => string.Create(CultureInfo.InvariantCulture, $"{a.MatchedName} ~ {a.DesignationId} (score {a.Score:0.00})"),
                        };
                        context.Environment.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{change.Sequence} {StateName(a.State)} {a.AlertId} customer {a.CustomerId}: {detail}"));
                        context.Environment.Output.Flush();
                    }

                    if (max > 0 && ++seen >= max)
                    {
                        return ExitCodes.Ok;
                    }
                }
            }
            catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // Ctrl-C is how a watch normally ends.
                return ExitCodes.Ok;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Argument<string> AlertArgument() => new("alert-id") { Description = "the alert's id (from alerts list)" };

    private static int Write(CommandContext context, Alert a)
    {
        if (context.Json)
        {
            context.WriteJson(a);
            return ExitCodes.Ok;
        }

        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string value)
        {
            if (value.Length > 0)
            {
                grid.AddRow(new Text(label), new Text(value));
            }
        }

        Row("alert", a.AlertId);
        Row("state", StateName(a.State));
        Row("customer", a.CustomerId);
        Row("matched name", a.MatchedName);
        Row("designation", a.DesignationId);
        Row("list", string.Create(CultureInfo.InvariantCulture, $"{a.ListId} ({a.Jurisdiction}), opened by version {a.OpenedByVersion}"));
        Row("score", a.Score.ToString("0.00", CultureInfo.InvariantCulture));
        Row("explanation", a.Explanation);
        Row("opened", a.OpenedAt);
        Row("closed", a.ClosedAt);
        Row("close reason", a.CloseReason);
        Row("decided", a.DecidedAt);
        Row("decision", a.Decision == AlertDecision.Unspecified ? string.Empty : DecisionName(a.Decision));
        Row("note", a.Note);
        context.Out.Write(grid);
        return ExitCodes.Ok;
    }

    private static AlertState ParseState(string text) => text switch
    {
        "open" => AlertState.Open,
        "closed" => AlertState.Closed,
        "decided" => AlertState.Decided,
        _ => AlertState.Unspecified,
    };

    private static string StateName(AlertState state) => state switch
    {
        AlertState.Open => "open",
        AlertState.Closed => "closed",
        AlertState.Decided => "decided",
        _ => "unspecified",
    };

    private static string DecisionName(AlertDecision decision) => decision switch
    {
        AlertDecision.TrueMatch => "true match",
        AlertDecision.FalsePositive => "false positive",
        _ => "undecided",
    };
}
