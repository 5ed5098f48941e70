using System.Collections.Immutable;
using System.Globalization;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Monitoring;
using Screening.Grains.Monitoring;
using ContractAlertDecision = Screening.Contracts.V1.AlertDecision;
using ContractAlertState = Screening.Contracts.V1.AlertState;
using DomainAlertDecision = Screening.Grains.Abstractions.Monitoring.AlertDecision;
using DomainAlertState = Screening.Grains.Abstractions.Monitoring.AlertState;

namespace Screening.Api.Grpc;

/// <summary>Validates customers (the same rules as a screened subject) and maps monitoring's types to the contract.</summary>
public static class MonitoringMapping
{
    /// <summary>Longest customer id accepted.</summary>
    public const int MaxCustomerIdLength = 200;

    /// <summary>The validated customer, or the reason it is rejected ("field: rule").</summary>
    public static (MonitoredCustomer? Customer, string? Reject) ToCustomer(Customer customer, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(customer.CustomerId) || customer.CustomerId.Length > MaxCustomerIdLength || customer.CustomerId.Any(char.IsControl))
        {
            return (null, $"customer_id: is required, at most {MaxCustomerIdLength} characters, no control characters");
        }

        var subject = new Subject { Type = customer.Type };
        subject.Names.AddRange(customer.Names);
        subject.BirthDates.AddRange(customer.BirthDates);
        subject.Countries.AddRange(customer.Countries);
        subject.Identifiers.AddRange(customer.Identifiers);
        Screening.Matching.ScreeningQuery query;
        try
        {
            query = ScreeningRequestMapper.ToInput(new ScreenRequest { Subject = subject }, today).Query;
        }
        catch (PlatformException e)
        {
            return (null, e.Message.StartsWith("subject.", StringComparison.Ordinal) ? e.Message["subject.".Length..] : e.Message);
        }

        return (new MonitoredCustomer(
            customer.CustomerId.Trim(),
            (int)query.Kind,
            [.. customer.Names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())],
            [.. customer.BirthDates.Select(d => CustomerEntries.EncodeBirthDate(d.Year, d.Month, d.Day))],
            [.. customer.Countries.Select(c => c.Trim().ToUpperInvariant())],
            [.. customer.Identifiers.Select(i => i.Kind.Trim() + MonitoredCustomer.IdentifierSeparator + i.Value.Trim())]), null);
    }

    /// <summary>The public id of an alert: "&lt;tenant&gt;/&lt;number&gt;".</summary>
    public static string AlertId(string tenantId, long alertId) => tenantId + "/" + alertId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number of an alert id of the caller's tenant; PERMISSION_DENIED for another tenant's, INVALID_ARGUMENT for a malformed one.</summary>
    public static long ParseAlertId(string alertId, string tenantId)
    {
        var slash = alertId.LastIndexOf('/');
        if (slash <= 0 || !long.TryParse(alertId.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw PlatformException.Invalid("alert_id", "must be an alert id as returned, '<tenant>/<number>'");
        }

        if (!string.Equals(alertId[..slash], tenantId, StringComparison.Ordinal))
        {
            throw new PlatformException(PlatformErrorCode.PermissionDenied, "this alert belongs to another tenant");
        }

        return number;
    }

    /// <summary>The domain state of a filter; null for any.</summary>
    public static DomainAlertState? ToDomain(ContractAlertState state) => state switch
    {
        ContractAlertState.Unspecified => null,
        ContractAlertState.Open => DomainAlertState.Open,
        ContractAlertState.Closed => DomainAlertState.Closed,
        ContractAlertState.Decided => DomainAlertState.Decided,
        _ => throw PlatformException.Invalid("state", "must be OPEN, CLOSED, DECIDED or unspecified"),
    };

    /// <summary>The domain decision; INVALID_ARGUMENT when unspecified.</summary>
    public static DomainAlertDecision ToDomain(ContractAlertDecision decision) => decision switch
    {
        ContractAlertDecision.TrueMatch => DomainAlertDecision.TrueMatch,
        ContractAlertDecision.FalsePositive => DomainAlertDecision.FalsePositive,
        _ => throw PlatformException.Invalid("decision", "must be TRUE_MATCH or FALSE_POSITIVE"),
    };

    /// <summary>The contract's alert.</summary>
    public static Alert ToContract(this MonitoringAlert a, string tenantId) => new()
    {
        AlertId = AlertId(tenantId, a.AlertId),
        CustomerId = a.CustomerId,
        DesignationId = a.DesignationId,
        Jurisdiction = a.Jurisdiction,
        ListId = a.ListId,
        Score = a.Score,
        Explanation = a.Explanation,
        MatchedName = a.MatchedName,
        OpenedAt = Time(a.OpenedAt),
        OpenedByVersion = a.OpenedByVersion,
        State = a.State switch
        {
            DomainAlertState.Open => ContractAlertState.Open,
            DomainAlertState.Closed => ContractAlertState.Closed,
            _ => ContractAlertState.Decided,
        },
        ClosedAt = a.ClosedAt is { } closed ? Time(closed) : string.Empty,
        ClosedByVersion = a.ClosedByVersion ?? 0,
        CloseReason = a.CloseReason ?? string.Empty,
        Decision = a.Decision switch
        {
            DomainAlertDecision.TrueMatch => ContractAlertDecision.TrueMatch,
            DomainAlertDecision.FalsePositive => ContractAlertDecision.FalsePositive,
            _ => ContractAlertDecision.Unspecified,
        },
        Note = a.Note ?? string.Empty,
        DecidedAt = a.DecidedAt is { } decided ? Time(decided) : string.Empty,
    };

    /// <summary>Customer ids of a removal, validated.</summary>
    public static ImmutableArray<string> ToCustomerIds(RemoveCustomersRequest request)
    {
        if (request.CustomerIds.Count is 0 or > 10_000)
        {
            throw PlatformException.Invalid("customer_ids", "must hold 1..10000 ids");
        }

        return [.. request.CustomerIds.Select(id => id.Trim()).Where(id => id.Length > 0)];
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
