using System.Diagnostics;
using System.Text;

namespace Screening.Host.Storage;

/// <summary>Runs a command to completion and captures its output; optionally as another OS user (via runuser).</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string? asUser, TimeSpan timeout, CancellationToken ct, bool newSession = false)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var command = new List<string>();
        if (newSession)
        {
            // Own session: a Ctrl-C sent to the host's terminal must not reach the server before the host stops.
            command.Add("setsid");
        }

        if (asUser is not null)
        {
            command.AddRange(["runuser", "-u", asUser, "--"]);
        }

        command.Add(file);
        psi.FileName = command[0];
        foreach (var part in command.Skip(1))
        {
            psi.ArgumentList.Add(part);
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // Server messages must not depend on the caller's locale.
        psi.Environment["LC_ALL"] = "C";
        psi.Environment["LANG"] = "C";

        using var process = new Process { StartInfo = psi };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new PlatformStartupException($"'{Path.GetFileName(file)}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }
}
