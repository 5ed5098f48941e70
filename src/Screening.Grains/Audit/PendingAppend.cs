namespace Screening.Grains.Audit;

/// <summary>A record waiting for the writer, with the caller's completion.</summary>
internal sealed class PendingAppend(AuditRecord record, byte[] contentDigest)
{
    public AuditRecord Record { get; } = record;

    /// <summary>Computed by the caller, so hashing the bodies runs on every core rather than in the single writer.</summary>
    public byte[] ContentDigest { get; } = contentDigest;

    /// <summary>Runs continuations asynchronously so that no caller's code runs on the writer loop.</summary>
    public TaskCompletionSource<AuditReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
