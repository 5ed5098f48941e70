using System.Diagnostics;

namespace Screening.Deploy.Tests.Support;

/// <summary>Runs the kubectl client (no cluster needed for the commands used here).</summary>
public static class Kubectl
{
    /// <summary>Runs kubectl with <paramref name="args"/>, feeding <paramref name="input"/> on stdin; returns exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) Run(string? input, params string[] args)
    {
        var path = Find() ?? throw new InvalidOperationException(
            "kubectl not found on PATH or in /usr/bin, /usr/local/bin: the manifest checks need the kubectl client (v1.32; e.g. apt-get install kubectl from the Kubernetes apt repository, or the static binary).");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl " + string.Join(' ', args) + " did not finish within a minute");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? Find()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin"]);
        return dirs.Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);
    }
}
