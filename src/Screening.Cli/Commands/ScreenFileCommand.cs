using System.CommandLine;
using System.Globalization;
using System.Text;
using Screening.Cli.Screening;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>screen-file in.csv --out out.csv|json</c>: bulk screening of a CSV file, streamed and resumable.</summary>
internal static class ScreenFileCommand
{
    public static Command Create(CommandActions actions)
    {
        var input = new Argument<FileInfo>("input") { Description = "CSV with a header: name (required; '|' separates several names), optional reference, dob (YYYY[-MM[-DD]]), country (ISO alpha-2), type; '|' separates several dates or countries" };
        var output = new Option<string>("--out") { Description = "results file: .csv, or .json/.jsonl for JSON Lines (one object per row)", Required = true, HelpName = "path" };
        var format = new Option<string?>("--format") { Description = "results format (default: from the --out extension)" };
        format.AcceptOnlyFromAmong("csv", "json");
        var rejects = new Option<string?>("--rejects") { Description = "file for broken rows with their reasons (default: <out>.rejects.csv)", HelpName = "path" };
        var resume = new Option<bool>("--resume") { Description = "continue an interrupted run: rows already in --out (by reference, else by row number) are skipped" };
        var force = new Option<bool>("--force") { Description = "overwrite --out if it exists" };
        var concurrency = new Option<int>("--concurrency") { Description = "rows in flight at once (1..1024)", DefaultValueFactory = _ => 64 };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1024)
            {
                r.AddError("--concurrency must be between 1 and 1024");
            }
        });
        var asOf = new Option<string?>("--as-of") { Description = "date at which designations must be in force for every row, YYYY-MM-DD (default today)", HelpName = "date" };
        var minScore = new Option<double?>("--min-score") { Description = "minimum score in [0, 1] for every row; may only raise the tenant's threshold" };
        var ignoreUnknown = new Option<bool>("--ignore-unknown-columns") { Description = "ignore columns other than name, reference, dob, country, type instead of stopping" };
        var delimiter = new Option<string>("--delimiter") { Description = "field separator: ',' ';' or 'tab'", DefaultValueFactory = _ => "," };
        delimiter.AcceptOnlyFromAmong(",", ";", "tab");
        var command = new Command("screen-file", "Screen every row of a CSV file through ScreenStream, with progress; broken rows are reported and skipped (exit 5)")
        {
            input, output, format, rejects, resume, force, concurrency, asOf, minScore, ignoreUnknown, delimiter,
        };
        actions.Set(command, async (context, ct) =>
        {
            var inputFile = context.Value(input);
            if (!inputFile.Exists)
            {
                throw new CliException(ExitCodes.Usage, $"file not found: {inputFile.FullName}");
            }

            var date = context.Value(asOf) ?? string.Empty;
            if (date.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new CliException(ExitCodes.Usage, $"--as-of '{date}' is not a date YYYY-MM-DD");
            }

            var separator = context.Value(delimiter) == "tab" ? '\t' : context.Value(delimiter)[0];
            using var reader = BulkScreening.OpenInput(inputFile.FullName);
            var layout = BulkFileLayout.FromHeader(await reader.ReadLineAsync(ct), inputFile.Name, separator, context.Value(ignoreUnknown));
            var outPath = context.Value(output);
            var rejectsPath = context.Value(rejects) ?? RejectsPathFor(outPath);
            var total = await BulkScreening.CountRowsAsync(inputFile.FullName, ct);
            var connection = context.Connection;

            await using var results = await BulkOutputFile.OpenAsync(outPath, BulkOutputFile.FormatOf(outPath, context.Value(format)), context.Value(resume), context.Value(force), ct);
            await using var rejectsWriter = new StreamWriter(rejectsPath, append: false, new UTF8Encoding(false));
            if (layout.Ignored.Count > 0 && !context.Json)
            {
                context.Err.MarkupLine($"[grey]ignoring columns: {Markup.Escape(string.Join(", ", layout.Ignored))}[/]");
            }

            BulkScreeningSummary summary;
            var progressBar = context.Environment.Interactive && !context.Json;
            if (progressBar)
            {
                summary = null!;
                await context.Err.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("screening", maxValue: Math.Max(1, total));
                        var lastUpdate = 0L;
                        var started = context.Environment.Time.GetTimestamp();
                        summary = await Runner(context, inputFile, layout, results, rejectsWriter, date, context.Value(minScore), context.Value(concurrency), s =>
                        {
                            var done = s.Screened + s.Rejected + s.Skipped;
                            var now = context.Environment.Time.GetTimestamp();
                            if (now - lastUpdate < context.Environment.Time.TimestampFrequency / 10 && done < total)
                            {
                                return;
                            }

                            lastUpdate = now;
                            var rate = s.Screened / Math.Max(0.001, context.Environment.Time.GetElapsedTime(started).TotalSeconds);
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} rows  {rate:N0} rows/s  [red]{s.PotentialMatches:N0} matches[/]  [yellow]{s.Rejected:N0} rejected[/]");
                            task.Value = done;
                        }).RunAsync(reader, ct);
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                // No terminal (a log, a pipe): a plain line every ten seconds instead of a bar.
                var time = context.Environment.Time;
                var started = time.GetTimestamp();
                var next = TimeSpan.FromSeconds(10);
                summary = await Runner(context, inputFile, layout, results, rejectsWriter, date, context.Value(minScore), context.Value(concurrency), s =>
                {
                    var elapsed = time.GetElapsedTime(started);
                    if (context.Json || elapsed < next)
                    {
                        return;
                    }

                    next = elapsed + TimeSpan.FromSeconds(10);
                    context.Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"progress: {s.Screened + s.Rejected + s.Skipped:N0}/{total:N0} rows, {s.Screened / Math.Max(0.001, elapsed.TotalSeconds):N0} rows/s, {s.PotentialMatches:N0} matches, {s.Rejected:N0} rejected"));
                }).RunAsync(reader, ct);
            }

            var code = summary.Rejected > 0 ? ExitCodes.Partial : ExitCodes.Ok;
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("input", inputFile.FullName);
                    w.WriteString("output", Path.GetFullPath(outPath));
                    w.WriteString("rejects", Path.GetFullPath(rejectsPath));
                    w.WriteNumber("screened", summary.Screened);
                    w.WriteNumber("clear", summary.Clear);
                    w.WriteNumber("potentialMatches", summary.PotentialMatches);
                    w.WriteNumber("rejected", summary.Rejected);
                    w.WriteNumber("skipped", summary.Skipped);
                    w.WriteNumber("seconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
                    w.WriteNumber("rowsPerSecond", Math.Round(summary.RowsPerSecond, 1));
                    w.WriteNumber("exitCode", code);
                    w.WriteEndObject();
                });
            }
            else
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"screened {summary.Screened:N0} rows in {summary.Elapsed.TotalSeconds:0.0} s ({summary.RowsPerSecond:N0} rows/s): {summary.Clear:N0} clear, {summary.PotentialMatches:N0} potential match; ")
                    + string.Create(CultureInfo.InvariantCulture, $"{summary.Rejected:N0} rejected")
                    + (summary.Rejected > 0 ? $" (see {rejectsPath})" : string.Empty)
                    + (summary.Skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {summary.Skipped:N0} already done (resume)") : string.Empty)
                    + $" -> {outPath}";
                context.Err.WriteLine(line);
            }

            return code;
        });
        return command;
    }

    private static BulkScreening Runner(
        CommandContext context, FileInfo input, BulkFileLayout layout, BulkOutputFile results, StreamWriter rejects, string asOf, double? minScore, int concurrency, Action<BulkScreeningSummary> onProgress) =>
        new(context.Connection.Screening, context.Environment.Time)
        {
            InputPath = input.FullName,
            Layout = layout,
            Output = results,
            Rejects = rejects,
            Concurrency = concurrency,
            AsOf = asOf,
            MinScore = minScore ?? 0,
            OnProgress = onProgress,
            OnReject = (line, reason, count) =>
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"{input.Name}: row {line}: {reason}")
                    + (count == BulkScreening.ReportedRejects ? " (further broken rows only in the rejects file)" : string.Empty);
                if (context.Environment.Interactive)
                {
                    context.Err.MarkupLine($"[yellow]{Markup.Escape(text)}[/]");
                }
                else
                {
                    context.Environment.Error.WriteLine(text);
                }
            },
        };

    private static string RejectsPathFor(string outPath)
    {
        var directory = Path.GetDirectoryName(outPath);
        var name = Path.GetFileNameWithoutExtension(outPath) + ".rejects.csv";
        return string.IsNullOrEmpty(directory) ? name : Path.Combine(directory, name);
    }
}
