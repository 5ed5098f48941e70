using Screening.LoadTests;
using Screening.LoadTests.Options;
using Screening.LoadTests.Reporting;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or IOException or UriFormatException)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    await Console.Error.WriteLineAsync("usage: Screening.LoadTests [ping|screen|batch|stream|tenants|churn|screen-open|all][,...] [--smoke] [--target http://127.0.0.1:5080[,...]] [--operator-key-file F | --operator-key K] [--concurrency N | --rate R] [--duration S] [--warmup S] [--list-size N] [--official-lists DIR] [--report-dir DIR]");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = await LoadRunner.RunAsync(options, Console.Out, cancel.Token);
ReportWriter.WriteTable(report, Console.Out);
var (json, markdown) = ReportWriter.WriteFiles(report, options.ReportDirectory);
Console.WriteLine($"report: {json}, {markdown}");
if (report.ErrorCount > 0)
{
    await Console.Error.WriteLineAsync($"{report.ErrorCount} errors or wrong answers");
    return 1;
}

return 0;
