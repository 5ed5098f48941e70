namespace Screening.Grains.Abstractions.Errors;

/// <summary>Why an operation was refused; the gRPC layer maps each to a status code.</summary>
public enum PlatformErrorCode
{
    /// <summary>Malformed input (INVALID_ARGUMENT).</summary>
    InvalidArgument = 1,

    /// <summary>Unknown id (NOT_FOUND).</summary>
    NotFound = 2,

    /// <summary>The id is taken (ALREADY_EXISTS).</summary>
    AlreadyExists = 3,

    /// <summary>Not allowed for this caller (PERMISSION_DENIED).</summary>
    PermissionDenied = 4,

    /// <summary>A dependency such as storage is down (UNAVAILABLE).</summary>
    Unavailable = 5,

    /// <summary>The operation conflicts with the current state (FAILED_PRECONDITION).</summary>
    FailedPrecondition = 6,
}
