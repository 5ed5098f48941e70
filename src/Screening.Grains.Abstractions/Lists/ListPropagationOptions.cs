namespace Screening.Grains.Abstractions.Lists;

/// <summary>How list changes reach the silos (configuration section <c>Lists:Propagation</c>).</summary>
public sealed class ListPropagationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Lists:Propagation";

    /// <summary>
    /// A silo answers only while it has checked its list versions against the database within this time; a silo the
    /// hub cannot reach is waited out for this long. Default 3 s.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often each silo checks the database for newer list versions (the repair path). Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the hub waits for a silo to confirm a change. Default 2 s.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
