namespace Screening.Grains.Abstractions.Errors;

/// <summary>A refusal with a reason a client can act on; crosses grain boundaries and becomes a gRPC status.</summary>
[GenerateSerializer, Alias("screening.PlatformException")]
public sealed class PlatformException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PlatformException(PlatformErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The kind of refusal.</summary>
    [Id(0)]
    public PlatformErrorCode Code { get; }

    /// <summary>INVALID_ARGUMENT naming the field and the rule.</summary>
    public static PlatformException Invalid(string field, string rule) => new(PlatformErrorCode.InvalidArgument, $"{field}: {rule}");

    /// <summary>NOT_FOUND for an id.</summary>
    public static PlatformException NotFound(string what, string id) => new(PlatformErrorCode.NotFound, $"{what} '{id}' not found");
}
