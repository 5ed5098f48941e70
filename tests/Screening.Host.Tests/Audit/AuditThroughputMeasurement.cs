using System.Diagnostics;
using System.Globalization;
using Screening.Grains.Audit;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.Host.Tests.Audit;

/// <summary>
/// A measured run of the writer for docs/PERFORMANCE.md; does real work only with AUDIT_MEASURE=1 (see the command
/// there), so normal test runs stay short.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditThroughputMeasurement(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Measure_ConcurrentAppends_ReportsRecordsPerSecond()
    {
        var measure = Environment.GetEnvironmentVariable("AUDIT_MEASURE") == "1";
        var callers = int.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_CALLERS"), CultureInfo.InvariantCulture, out var c) ? c : 256;
        var total = measure ? Math.Min(100_000, callers * 2_000) : 2_000;
        await using var db = new AuditDatabaseSupport(await postgres.CreateMigratedDatabaseAsync("measure"));
        var flush = double.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_FLUSH_MS"), CultureInfo.InvariantCulture, out var ms) ? ms : 2;
        var writers = int.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_WRITERS"), CultureInfo.InvariantCulture, out var w) ? w : new AuditOptions().Writers;
        var tenants = int.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_TENANTS"), CultureInfo.InvariantCulture, out var t) ? t : 8;
        var writer = db.Writer(new AuditOptions { FlushInterval = TimeSpan.FromMilliseconds(flush), Writers = writers });
        var request = new string('x', 600);
        var latencies = new double[total];
        var next = -1;

        var serverBefore = await ServerCpuAsync(db);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var record = AuditRecords.For($"tenant-{i % tenants}", TimeProvider.System.GetUtcNow()) with { RequestJson = request, ResponseJson = request };
                var started = Stopwatch.GetTimestamp();
                await writer.AppendAsync(record, CancellationToken.None);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var serverAfter = await ServerCpuAsync(db);
        var serverCpu = serverAfter.Sum(p => p.Value - serverBefore.GetValueOrDefault(p.Key));

        Array.Sort(latencies);
        var transactions = await db.ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM audit_screening");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FlushInterval {flush} ms, {writers} writers: {total} records, {callers} concurrent callers, {tenants} tenants, ~1.3 KB each: {total / clock.Elapsed.TotalSeconds:F0} records/s, {transactions} transactions (mean batch {(double)total / transactions:F0}), append latency p50 {latencies[total / 2]:F1} ms, p99 {latencies[(int)(total * 0.99)]:F1} ms; CPU of this process (callers and writer) {cpu.TotalSeconds:F1} s = {cpu.TotalMicroseconds / total:F0} us per record; CPU of PostgreSQL (backends and background processes) {serverCpu:F1} s = {serverCpu * 1e6 / total:F0} us per record"));
        Assert.Equal(total, await db.ScalarAsync<long>("SELECT count(*) FROM audit_screening"));
    }

    /// <summary>CPU seconds used so far by each process of the test server (Linux /proc; empty elsewhere).</summary>
    private static async Task<Dictionary<int, double>> ServerCpuAsync(AuditDatabaseSupport db)
    {
        var pids = (await db.ScalarAsync<string>("SELECT string_agg(pid::text, ',') FROM pg_stat_activity") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture));
        var cpu = new Dictionary<int, double>();
        foreach (var pid in pids)
        {
            var stat = $"/proc/{pid}/stat";
            if (File.Exists(stat))
            {
                // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second).
                var fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                cpu[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
        }

        return cpu;
    }
}
