using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Screening.Cli.Csv;
using Screening.Contracts.V1;

namespace Screening.Cli.Screening;

/// <summary>
/// Streams a bulk file through <c>ScreenStream</c>: reads a line at a time, rejects broken rows (reported and
/// written to the rejects file), skips rows already in the output (resume), keeps at most
/// <see cref="Concurrency"/> rows in flight, and writes each answer as it arrives.
/// </summary>
internal sealed class BulkScreening(ScreeningService.ScreeningServiceClient client, TimeProvider time)
{
    /// <summary>At most this many broken rows are reported on standard error; all go to the rejects file.</summary>
    public const int ReportedRejects = 20;

    public required string InputPath { get; init; }

    public required BulkFileLayout Layout { get; init; }

    public required BulkOutputFile Output { get; init; }

    public required StreamWriter Rejects { get; init; }

    public int Concurrency { get; init; } = 64;

    public string AsOf { get; init; } = string.Empty;

    public double MinScore { get; init; }

    /// <summary>Called with each broken row's line, reason and count so far (the first <see cref="ReportedRejects"/>).</summary>
    public Action<long, string, long> OnReject { get; init; } = (_, _, _) => { };

    /// <summary>Called after each row is screened, rejected or skipped, with the counts so far.</summary>
    public Action<BulkScreeningSummary> OnProgress { get; init; } = _ => { };

    public async Task<BulkScreeningSummary> RunAsync(TextReader input, CancellationToken ct)
    {
        var summary = new BulkScreeningSummary();
        var started = time.GetTimestamp();
        var pending = new ConcurrentDictionary<string, Pending>(StringComparer.Ordinal);
        using var window = new SemaphoreSlim(Concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var call = client.ScreenStream(cancellationToken: stop.Token);
        var receiver = ReceiveAsync(call.ResponseStream, pending, window, summary, stop);
        try
        {
            await Rejects.WriteLineAsync(CsvLine.Join(["row", "reason", "line"]));
            long line = 1; // the header
            string? text;
            while ((text = await input.ReadLineAsync(stop.Token)) is not null)
            {
                line++;
                if (text.Trim().Length == 0)
                {
                    continue;
                }

                if (!Layout.TryParse(text, line, AsOf, MinScore, out var row, out var reason))
                {
                    await RejectAsync(summary, line, reason, text);
                    continue;
                }

                if (Output.IsDone(line, row.Reference))
                {
                    Interlocked.Increment(ref summary.Skipped);
                    OnProgress(summary);
                    continue;
                }

                await window.WaitAsync(stop.Token);
                var entry = new Pending(row);
                while (!pending.TryAdd(row.ClientReference, entry))
                {
                    // Same reference still in flight: answers are matched by reference, so wait for it.
                    if (pending.TryGetValue(row.ClientReference, out var earlier))
                    {
                        await earlier.Done.Task.WaitAsync(stop.Token);
                    }
                }

                await call.RequestStream.WriteAsync(row.Request, stop.Token);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A failed write usually means the server ended the call: its status, read by the receiver, says why.
            await Task.WhenAny(receiver, Task.Delay(TimeSpan.FromSeconds(5), time, CancellationToken.None));
            if (!receiver.IsFaulted)
            {
                await stop.CancelAsync();
                throw;
            }
        }

        try
        {
            await receiver;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument && RowNamedBy(e, pending) is { } refused)
        {
            // The client checks rows with the server's rules; should one still be refused, the whole stream ends: say which row.
            throw new CliException(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture,
                $"the server refused row {refused.Line} ({e.Status.Detail}); answers so far are saved: fix or remove the row, then rerun with --resume"));
        }
        finally
        {
            summary.Elapsed = time.GetElapsedTime(started);
            await Output.FlushAsync();
            await Rejects.FlushAsync(CancellationToken.None);
        }

        return summary;
    }

    private async Task ReceiveAsync(IAsyncStreamReader<ScreenResponse> responses, ConcurrentDictionary<string, Pending> pending, SemaphoreSlim window, BulkScreeningSummary summary, CancellationTokenSource stop)
    {
        await Task.Yield();
        try
        {
            await ReceiveAllAsync(responses, pending, window, summary, stop.Token);
        }
        catch
        {
            // Unblock the reader of the file, which may be waiting for a slot in the window.
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task ReceiveAllAsync(IAsyncStreamReader<ScreenResponse> responses, ConcurrentDictionary<string, Pending> pending, SemaphoreSlim window, BulkScreeningSummary summary, CancellationToken ct)
    {
        var sinceFlush = 0;
        await foreach (var response in responses.ReadAllAsync(ct))
        {
            if (!pending.TryRemove(response.ClientReference, out var entry))
            {
                continue;
            }

            await Output.WriteAsync(entry.Row, response);
            if (++sinceFlush >= 500)
            {
                sinceFlush = 0;
                await Output.FlushAsync();
            }

            Interlocked.Increment(ref summary.Screened);
            if (response.Decision == Decision.PotentialMatch)
            {
                Interlocked.Increment(ref summary.PotentialMatches);
            }

            entry.Done.TrySetResult();
            window.Release();
            OnProgress(summary);
        }
    }

    private static ScreeningRow? RowNamedBy(RpcException error, ConcurrentDictionary<string, Pending> pending)
    {
        const string Prefix = "[client_reference ";
        var detail = error.Status.Detail;
        var end = detail.IndexOf("] ", StringComparison.Ordinal);
        if (!detail.StartsWith(Prefix, StringComparison.Ordinal) || end < 0)
        {
            return null;
        }

        return pending.TryGetValue(detail[Prefix.Length..end], out var entry) ? entry.Row : null;
    }

    private async Task RejectAsync(BulkScreeningSummary summary, long line, string reason, string text)
    {
        var count = Interlocked.Increment(ref summary.Rejected);
        await Rejects.WriteLineAsync(CsvLine.Join([line.ToString(CultureInfo.InvariantCulture), reason, text]));
        if (count <= ReportedRejects)
        {
            OnReject(line, reason, count);
        }

        OnProgress(summary);
    }

    /// <summary>Counts data lines (for the progress bar's total); quoted newlines are not allowed, so lines are rows.</summary>
    public static async Task<long> CountRowsAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        var last = (byte)'\n';
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        if (last != (byte)'\n')
        {
            lines++;
        }

        return Math.Max(0, lines - 1);
    }

    /// <summary>Opens the input as UTF-8 (a BOM is skipped).</summary>
    public static StreamReader OpenInput(string path) => new(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    private sealed record Pending(ScreeningRow Row)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
