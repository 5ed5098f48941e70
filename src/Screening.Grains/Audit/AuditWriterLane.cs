using System.Threading.Channels;

namespace Screening.Grains.Audit;

/// <summary>
/// One writer loop of <see cref="GroupCommitAuditLog"/>: its queue and what it believes about the database. Only the
/// loop reads the queue and touches the sets, so they need no locks.
/// </summary>
internal sealed class AuditWriterLane(int capacity)
{
    public Channel<PendingAppend> Queue { get; } = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
        AllowSynchronousContinuations = false,
    });

    /// <summary>Months whose partition this loop has ensured.</summary>
    public HashSet<DateOnly> KnownMonths { get; } = [];

    /// <summary>Tenants whose chain row this loop has ensured.</summary>
    public HashSet<string> KnownTenants { get; } = new(StringComparer.Ordinal);

    /// <summary>The running loop (set once at start).</summary>
    public Task Loop { get; set; } = Task.CompletedTask;
}
