using System.Diagnostics;
using System.Globalization;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.Host.Tests.Screening;

/// <summary>
/// Opt-in measurement (PROPAGATION_MEASURE=1), not a test of time: on a three-silo cluster, records alternating
/// listings and delistings and reports how long each change took to be confirmed by every silo (hub fan-out) and
/// the whole admin call. It asserts only that every silo confirmed every change.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PropagationMeasurement(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Propagation_ThreeSilos_Report()
    {
        if (Environment.GetEnvironmentVariable("PROPAGATION_MEASURE") != "1")
        {
            output.WriteLine("set PROPAGATION_MEASURE=1 to run this measurement");
            return;
        }

        var rounds = int.Parse(Environment.GetEnvironmentVariable("PROPAGATION_ROUNDS") ?? "200", CultureInfo.InvariantCulture);
        await using var first = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true", ["Logging:LogLevel:Default"] = "Error" });
        await using var second = await first.StartSiblingAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
        await using var third = await first.StartSiblingAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
        var lists = new ListAdminService.ListAdminServiceClient(first.Channel(TestHost.OperatorKey));

        var fanOut = new List<double>();
        var call = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var effective = new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            var result = i % 2 == 0
                ? await lists.RecordDelistingAsync(new RecordDelistingRequest { DesignationId = "TJ/terrorist-organisations/TJ-TO-TALIBAN", EffectiveDate = effective, Reason = "measurement" })
                : await lists.RecordDesignationAsync(new RecordDesignationRequest
                {
                    ListId = "TJ/terrorist-organisations",
                    EffectiveDate = effective,
                    Designation = new DesignationInput { SourceId = "TJ-TO-TALIBAN", Type = SubjectType.Entity, Names = { new DesignationName { FullName = "Taliban" } } },
                });
            call.Add(watch.Elapsed.TotalMilliseconds);
            fanOut.Add(result.PropagationMs);
            Assert.Equal(3, result.SilosConfirmed);
        }

        output.WriteLine($"rounds={rounds} silos=3 machine={Environment.ProcessorCount} cores load={File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine($"fan-out (commit → every silo applied) ms: {Describe(fanOut)}");
        output.WriteLine($"admin call (store + fan-out) ms:        {Describe(call)}");
    }

    private static string Describe(List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50={At(0.50):0.0} p90={At(0.90):0.0} p99={At(0.99):0.0} max={sorted[^1]:0.0}");
    }
}
