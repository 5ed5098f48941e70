namespace Screening.Cli;

/// <summary>The exit codes of <c>screenctl</c>; scripts may rely on them (docs/CLI.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Usage error or invalid input (bad flag, bad file, INVALID_ARGUMENT from the server).</summary>
    public const int Usage = 1;

    /// <summary>No key, a wrong key, or a key whose role is too weak (UNAUTHENTICATED, PERMISSION_DENIED).</summary>
    public const int Auth = 2;

    /// <summary>The tenant, designation, list or screening does not exist (NOT_FOUND).</summary>
    public const int NotFound = 3;

    /// <summary>The server cannot be reached or is unavailable or over its rate; retry later.</summary>
    public const int Unavailable = 4;

    /// <summary>Partial success: some rows were rejected or failed, the rest succeeded.</summary>
    public const int Partial = 5;

    /// <summary>Conflict: the thing already exists, or the state does not allow the change (ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED).</summary>
    public const int Conflict = 6;

    /// <summary>Verification failed: the audit hash chain is broken.</summary>
    public const int VerificationFailed = 7;

    /// <summary>The server failed (INTERNAL, UNKNOWN, anything unexpected).</summary>
    public const int ServerError = 8;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>The table shown in <c>screenctl --help</c> and docs/CLI.md.</summary>
    public const string Table =
        "Exit codes: 0 ok; 1 usage or invalid input; 2 no key, wrong key or role too weak; 3 not found; "
        + "4 server unreachable, unavailable or rate-limited (retry later); 5 partial success (rows rejected or failed); "
        + "6 conflict (already exists); 7 audit chain broken; 8 server error; 130 interrupted.";
}
