using Screening.Cli.Screening;
using Screening.Contracts.V1;

namespace Screening.Cli.Monitoring;

/// <summary>
/// Streams the rows of a customer file through <c>UpsertCustomers</c>. Rows the client can tell are broken (with the
/// server's rules, via <see cref="BulkFileLayout"/>) are not sent; rows the server rejects come back with their
/// index in the stream and are mapped back to their line in the file.
/// </summary>
internal sealed class CustomerUpload(MonitoringService.MonitoringServiceClient client, BulkFileLayout layout, TimeProvider time)
{
    /// <summary>Called with (rows sent, rows rejected by the client, rows per second) at most every <see cref="ProgressInterval"/>.</summary>
    public Action<int, int, double>? OnProgress { get; set; }

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public async Task<CustomerUploadSummary> RunAsync(StreamReader reader, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var nextProgress = ProgressInterval;
        var lines = new List<long>();
        var rejects = new List<CustomerUploadReject>();
        using var call = client.UpsertCustomers(cancellationToken: ct);
        long line = 1;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            if (!layout.TryParse(text, line, string.Empty, 0, out var row, out var reason))
            {
                rejects.Add(new CustomerUploadReject(line, null, string.Empty, reason));
            }
            else if (row.Reference.Length == 0)
            {
                rejects.Add(new CustomerUploadReject(line, null, string.Empty, "reference (the customer id) is empty"));
            }
            else
            {
                var subject = row.Request.Subject;
                var customer = new Customer { CustomerId = row.Reference, Type = subject.Type };
                customer.Names.AddRange(subject.Names);
                customer.BirthDates.AddRange(subject.BirthDates);
                customer.Countries.AddRange(subject.Countries);
                await call.RequestStream.WriteAsync(customer, ct);
                lines.Add(line);
            }

            var elapsed = time.GetElapsedTime(started);
            if (OnProgress is not null && elapsed >= nextProgress)
            {
                nextProgress = elapsed + ProgressInterval;
                OnProgress(lines.Count, rejects.Count, lines.Count / Math.Max(0.001, elapsed.TotalSeconds));
            }
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        foreach (var r in response.Rejects)
        {
            var fileLine = r.Index >= 0 && r.Index < lines.Count ? lines[r.Index] : -1;
            rejects.Add(new CustomerUploadReject(fileLine, r.Index, r.CustomerId, r.Reason));
        }

        var total = time.GetElapsedTime(started);
        rejects.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new CustomerUploadSummary(lines.Count, response.Accepted, rejects, total);
    }
}
