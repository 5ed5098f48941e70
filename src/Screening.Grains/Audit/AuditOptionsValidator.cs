using Microsoft.Extensions.Options;

namespace Screening.Grains.Audit;

/// <summary>Checks <see cref="AuditOptions"/> at start-up; every message names the setting.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        Check(options.RetentionDays is >= 1 and <= 36_500, "RetentionDays must be between 1 and 36500 days.");
        Check(options.FlushInterval >= TimeSpan.Zero && options.FlushInterval <= TimeSpan.FromSeconds(1), "FlushInterval must be between 00:00:00 and 00:00:01.");
        Check(options.MaxBatchSize is >= 1 and <= 100_000, "MaxBatchSize must be between 1 and 100000.");
        Check(options.Writers is >= 1 and <= 64, "Writers must be between 1 and 64.");
        Check(options.QueueCapacity is >= 1 and <= 1_000_000, "QueueCapacity must be between 1 and 1000000.");
        Check(options.WriteTimeout >= TimeSpan.FromSeconds(1) && options.WriteTimeout <= TimeSpan.FromMinutes(5), "WriteTimeout must be between 00:00:01 and 00:05:00.");
        Check(options.FailureBackoff >= TimeSpan.Zero && options.FailureBackoff <= TimeSpan.FromMinutes(1), "FailureBackoff must be between 00:00:00 and 00:01:00.");
        Check(options.RetentionCheckInterval >= TimeSpan.FromSeconds(1) && options.RetentionCheckInterval <= TimeSpan.FromDays(1), "RetentionCheckInterval must be between 00:00:01 and 1.00:00:00.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                failures.Add(AuditOptions.SectionName + ":" + message);
            }
        }
    }
}
