using System.CommandLine;
using System.Globalization;
using Screening.Cli.Monitoring;
using Screening.Cli.Screening;
using Screening.Contracts.V1;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>customers upload|remove</c>: the tenant's monitored customer book (MonitoringService).</summary>
internal static class CustomerCommands
{
    /// <summary>Rejected rows printed on standard error; all of them are in the --json document.</summary>
    private const int ReportedRejects = 20;

    public static Command Create(CommandActions actions) => new("customers", "Upload and remove monitored customers (tenant-admin key)")
    {
        Upload(actions),
        Remove(actions),
    };

    private static Command Upload(CommandActions actions)
    {
        var input = new Argument<FileInfo>("input")
        {
            Description = "CSV with a header: reference (the customer id, required), name (required; '|' separates several names), optional dob, country, type; the same columns as screen-file",
        };
        var ignoreUnknown = new Option<bool>("--ignore-unknown-columns") { Description = "ignore columns other than name, reference, dob, country, type instead of stopping" };
        var delimiter = new Option<string>("--delimiter") { Description = "field separator: ',' ';' or 'tab'", DefaultValueFactory = _ => "," };
        delimiter.AcceptOnlyFromAmong(",", ";", "tab");
        var command = new Command("upload", "Add or update customers from a CSV file (client-streamed UpsertCustomers) with progress; rejected rows are reported with their row and reason (exit 5)")
        {
            input, ignoreUnknown, delimiter,
        };
        actions.Set(command, async (context, ct) =>
        {
            var file = context.Value(input);
            if (!file.Exists)
            {
                throw new CliException(ExitCodes.Usage, $"file not found: {file.FullName}");
            }

            var separator = context.Value(delimiter) == "tab" ? '\t' : context.Value(delimiter)[0];
            using var reader = BulkScreening.OpenInput(file.FullName);
            var layout = BulkFileLayout.FromHeader(await reader.ReadLineAsync(ct), file.Name, separator, context.Value(ignoreUnknown));
            if (!layout.HasReference)
            {
                throw new CliException(ExitCodes.Usage, $"{file.Name}: no 'reference' column in the header: customers upload needs it as the customer id");
            }

            var total = await BulkScreening.CountRowsAsync(file.FullName, ct);
            var upload = new CustomerUpload(context.Connection.Monitoring, layout, context.Environment.Time);
            CustomerUploadSummary summary;
            if (context.Environment.Interactive && !context.Json)
            {
                summary = null!;
                await context.Err.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("uploading", maxValue: Math.Max(1, total));
                        upload.OnProgress = (sent, rejected, rate) =>
                        {
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"{sent + rejected:N0}/{total:N0} rows  {rate:N0} rows/s  [yellow]{rejected:N0} rejected[/]");
                            task.Value = sent + rejected;
                        };
                        summary = await upload.RunAsync(reader, ct);
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                upload.OnProgress = (sent, rejected, rate) =>
                {
                    if (!context.Json)
                    {
                        context.Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {sent + rejected:N0}/{total:N0} rows, {rate:N0} rows/s, {rejected:N0} rejected"));
                    }
                };
                upload.ProgressInterval = TimeSpan.FromSeconds(10);
                summary = await upload.RunAsync(reader, ct);
            }

            var code = summary.Rejects.Count > 0 ? ExitCodes.Partial : ExitCodes.Ok;
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("input", file.FullName);
                    w.WriteNumber("sent", summary.Sent);
                    w.WriteNumber("accepted", summary.Accepted);
                    w.WriteNumber("rejected", summary.Rejects.Count);
                    w.WriteStartArray("rejects");
                    foreach (var r in summary.Rejects)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("row", r.Row);
                        if (r.StreamIndex is { } index)
                        {
                            w.WriteNumber("index", index);
                        }
                        else
                        {
                            w.WriteNull("index");
                        }

                        w.WriteString("customerId", r.CustomerId);
                        w.WriteString("reason", r.Reason);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumber("seconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
                    w.WriteNumber("exitCode", code);
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var r in summary.Rejects.Take(ReportedRejects))
                {
                    var where = r.StreamIndex is { } index ? string.Create(CultureInfo.InvariantCulture, $" (record {index} of the stream)") : string.Empty;
                    context.Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Name}: row {r.Row}{where}: {r.Reason}"));
                }

                if (summary.Rejects.Count > ReportedRejects)
                {
                    context.Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {summary.Rejects.Count - ReportedRejects:N0} more rejected rows (see --json)"));
                }

                context.Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"uploaded {summary.Accepted:N0} customers in {summary.Elapsed.TotalSeconds:0.0} s; {summary.Rejects.Count:N0} rejected"));
            }

            return code;
        });
        return command;
    }

    private static Command Remove(CommandActions actions)
    {
        var ids = new Argument<string[]>("customer-id") { Description = "customer ids (the reference column of the upload); unknown ids are ignored", Arity = ArgumentArity.OneOrMore };
        var command = new Command("remove", "Stop monitoring customers; their open alerts are closed (reason \"customer removed\")") { ids };
        actions.Set(command, async (context, ct) =>
        {
            var request = new RemoveCustomersRequest();
            request.CustomerIds.AddRange(context.Value(ids));
            var response = await context.Connection.Monitoring.RemoveCustomersAsync(request, cancellationToken: ct);
            if (context.Json)
            {
                context.WriteJson(response);
            }
            else
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"removed {response.Removed} of {request.CustomerIds.Count} customers"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
