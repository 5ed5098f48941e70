using System.Globalization;
using Screening.LoadTests.Data;
using Screening.LoadTests.Running;
using Screening.LoadTests.Setup;

namespace Screening.LoadTests.Scenarios;

/// <summary>
/// <c>--tenants</c> tenants, each subscribed to its own non-empty choice of the generated lists (and of the official
/// jurisdictions, if imported); calls rotate over the tenants. Each answer must use exactly the tenant's lists and
/// hit a planted designation only when the tenant subscribes to its list.
/// </summary>
public static class TenantsScenario
{
    public static async Task<LoadStats> RunAsync(ScenarioContext context, LoadProfile profile, CancellationToken ct)
    {
        var random = new Random(21);
        var poolPerTenant = Math.Max(512, context.Options.PoolSize / context.Options.Tenants);
        var lists = new[] { context.MainList }.Concat(context.SmallLists).ToArray();
        var tenants = new List<(TenantAccess Tenant, PlannedRequest[] Pool)>();
        for (var t = 0; t < context.Options.Tenants; t++)
        {
            var chosen = lists.Where(_ => random.Next(2) == 0).Select(l => l.ListId).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(lists[t % lists.Length].ListId);
            }

            chosen.AddRange(context.OfficialJurisdictions.Where(_ => random.Next(2) == 0));
            var tenant = await context.Setup.CreateTenantAsync(context.TenantId("t" + t.ToString(CultureInfo.InvariantCulture)), chosen, ct);
            tenants.Add((tenant, SubjectMix.Create(poolPerTenant, context.Options.HitRatio, lists, tenant.Jurisdictions, seed: 100 + t)));
        }

        context.Log.WriteLine($"  tenants: {tenants.Count} created");
        long next = 0;
        return await LoadDriver.RunAsync(
            profile,
            async (caller, token) =>
            {
                var n = Interlocked.Increment(ref next);
                var (tenant, pool) = tenants[(int)(n % tenants.Count)];
                var planned = pool[n / tenants.Count % pool.Length];
                var response = await context.Client(caller).ScreenAsync(planned.Request, tenant.Headers, cancellationToken: token);
                return AnswerCheck.Verify(response, planned.Expected, context.GeneratedListIds, tenant.Jurisdictions) is { } wrong
                    ? OperationResult.Wrong(AnswerCheck.WrongAnswer, tenant.TenantId + ": " + wrong)
                    : OperationResult.Ok(1);
            },
            ct);
    }
}
