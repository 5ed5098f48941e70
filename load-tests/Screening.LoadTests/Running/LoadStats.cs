using System.Collections.Concurrent;
using HdrHistogram;

namespace Screening.LoadTests.Running;

/// <summary>
/// What one scenario measured: a latency histogram (microseconds) and counts of calls and names for the measured
/// window, and every error of the whole run (warm-up included: a wrong answer is wrong whenever it happens).
/// </summary>
public sealed class LoadStats
{
    /// <summary>Longest latency the histogram holds: 5 minutes.</summary>
    public const long HighestMicros = 300_000_000;

    private const int MaxSamples = 20;
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _samples = new();
    private long _calls;
    private long _names;

    /// <summary>What the scenario wants the report to say besides the numbers.</summary>
    public ConcurrentQueue<string> Notes { get; } = new();

    public LongConcurrentHistogram Latency { get; } = new(1, HighestMicros, 3);

    public long Calls => Interlocked.Read(ref _calls);

    public long Names => Interlocked.Read(ref _names);

    /// <summary>Errors by gRPC status code name, or WrongAnswer / StaleAnswer / Timeout / exception type.</summary>
    public IReadOnlyDictionary<string, long> Errors => _errors;

    public long ErrorCount => _errors.Values.Sum();

    /// <summary>Up to 20 error details, first come first kept.</summary>
    public IReadOnlyCollection<string> ErrorSamples => _samples;

    /// <summary>A completed call inside the measured window.</summary>
    public void Record(long micros, int names)
    {
        Latency.RecordValue(Math.Clamp(micros, 1, HighestMicros));
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _names, names);
    }

    public void Fail(string code, string detail)
    {
        _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
        if (_samples.Count < MaxSamples)
        {
            _samples.Enqueue(code + ": " + detail);
        }
    }
}
