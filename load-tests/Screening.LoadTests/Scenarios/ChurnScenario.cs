using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Grpc.Core;
using Screening.Contracts.V1;
using Screening.LoadTests.Data;
using Screening.LoadTests.Running;

namespace Screening.LoadTests.Scenarios;

/// <summary>
/// Screening while a list changes every <c>--churn-interval</c>: a background loop alternately records a new
/// designation and delists one (ListAdminService), and remembers which designations are in force at each list
/// version. Every answer is judged against the version it reports: a version older than the last change that had
/// returned before the request was sent is a stale answer; hits that disagree with that version's designations are
/// a wrong answer.
/// </summary>
public static class ChurnScenario
{
    public const string StaleAnswer = "StaleAnswer";
    private const int Pool = 12;

    public static async Task<LoadStats> RunAsync(ScenarioContext context, LoadProfile profile, CancellationToken ct)
    {
        var listId = "LTCH/churn";
        var admin = context.Setup.Lists;
        var headers = context.Setup.OperatorHeaders;
        await context.Setup.EnsureJurisdictionAsync("LTCH", "Load test churn", ct);
        var tenant = await context.Setup.CreateTenantAsync(context.TenantId("churn"), [listId], ct);
        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var random = new Random(31);
        var designations = new List<(string Id, GeneratedDesignation D)>();
        var inForce = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
        var states = new ConcurrentDictionary<long, ImmutableHashSet<string>>();
        PendingChange? pending = null;
        long confirmed = 0;
        var created = 0;

        async Task ChangeAsync(bool add, CancellationToken token)
        {
            RecordDesignationRequest? record = null;
            string? delist = null;
            ImmutableHashSet<string> next;
            if (add)
            {
                var d = GeneratedList.NewDesignation(random, $"{context.Options.RunId}-{created++}");
                record = new RecordDesignationRequest
                {
                    ListId = listId,
                    EffectiveDate = "2020-01-01",
                    LegalBasis = "load test",
                    Designation = new DesignationInput
                    {
                        SourceId = d.SourceId,
                        Type = d.Type,
                        Names = { new DesignationName { FullName = d.Latin, Quality = "primary" }, new DesignationName { FullName = d.Cyrillic, Quality = "primary" } },
                    },
                };
                if (d.BirthDate is { } b)
                {
                    record.Designation.BirthDates.Add(b);
                }

                var id = listId + "/" + d.SourceId;
                lock (designations)
                {
                    designations.Add((id, d));
                }

                next = inForce.Add(id);
            }
            else
            {
                delist = inForce.ElementAt(random.Next(inForce.Count));
                next = inForce.Remove(delist);
            }

            Volatile.Write(ref pending, new PendingChange(Volatile.Read(ref confirmed), next));
            var result = record is not null
                ? await admin.RecordDesignationAsync(record, headers, cancellationToken: token)
                : await admin.RecordDelistingAsync(new RecordDelistingRequest { DesignationId = delist, EffectiveDate = yesterday, Reason = "load test churn" }, headers, cancellationToken: token);
            states[result.Version] = next;
            inForce = next;
            Volatile.Write(ref confirmed, result.Version);
            Volatile.Write(ref pending, null);
        }

        for (var i = 0; i < Pool; i++)
        {
            await ChangeAsync(add: true, ct);
        }

        var stats = new LoadStats();
        using var stopChurn = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var firstVersion = Volatile.Read(ref confirmed);
        var changes = 0;
        var churn = Task.Run(
            async () =>
            {
                while (!stopChurn.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(context.Options.ChurnInterval, stopChurn.Token);
                        await ChangeAsync(add: inForce.Count < Pool / 2 || (inForce.Count < Pool && random.Next(2) == 0), stopChurn.Token);
                        changes++;
                    }
                    catch (Exception e) when (stopChurn.IsCancellationRequested && e is OperationCanceledException or RpcException)
                    {
                        return;
                    }
                    catch (RpcException e) when (!stopChurn.IsCancellationRequested)
                    {
                        stats.Fail("ListChangeFailed", e.Status.ToString());
                        Volatile.Write(ref pending, null);
                    }
                }
            },
            CancellationToken.None);

        long sequence = 0;
        var measured = await LoadDriver.RunAsync(
            profile,
            async (caller, token) =>
            {
                (string Id, GeneratedDesignation D) target;
                lock (designations)
                {
                    target = designations[(int)(Interlocked.Increment(ref sequence) % designations.Count)];
                }

                var request = new ScreenRequest { Subject = new Subject { Names = { target.D.Latin } }, ClientReference = "churn-" + sequence.ToString(CultureInfo.InvariantCulture) };
                var mustBeAtLeast = Volatile.Read(ref confirmed);
                var response = await context.Client(caller).ScreenAsync(request, tenant.Headers, cancellationToken: token);
                var used = response.ListVersions.FirstOrDefault(v => v.ListId == listId);
                if (used is null)
                {
                    return OperationResult.Wrong(AnswerCheck.WrongAnswer, $"answer did not use {listId}");
                }

                if (used.Version < mustBeAtLeast)
                {
                    return OperationResult.Wrong(StaleAnswer, $"answer used {listId} version {used.Version} after version {mustBeAtLeast} had been confirmed");
                }

                var state = states.TryGetValue(used.Version, out var s) ? s
                    : Volatile.Read(ref pending) is { } p && used.Version > p.After ? p.State
                    : null;
                if (state is null)
                {
                    return OperationResult.Wrong(AnswerCheck.WrongAnswer, $"answer used {listId} version {used.Version}, which no change of this run produced");
                }

                var hit = response.Hits.Any(h => h.DesignationId == target.Id);
                return hit == state.Contains(target.Id)
                    ? OperationResult.Ok(1)
                    : OperationResult.Wrong(AnswerCheck.WrongAnswer, $"{target.Id} {(hit ? "hit although delisted" : "missed although in force")} at version {used.Version}");
            },
            ct);

        await stopChurn.CancelAsync();
        await churn;
        foreach (var (code, count) in stats.Errors)
        {
            for (var i = 0; i < count; i++)
            {
                measured.Fail(code, "list change failed (see samples)");
            }
        }

        measured.Notes.Enqueue($"{changes} list changes during the run ({listId} versions {firstVersion}..{Volatile.Read(ref confirmed)}), one every {context.Options.ChurnInterval.TotalSeconds:F1} s");
        return measured;
    }
}
