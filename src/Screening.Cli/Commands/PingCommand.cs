using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>ping</c>: checks the endpoint and the key.</summary>
internal static class PingCommand
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("ping", "Check that the server answers and accepts the key");
        actions.Set(command, async (context, ct) =>
        {
            var started = context.Environment.Time.GetTimestamp();
            await context.Connection.Screening.PingAsync(new Empty(), cancellationToken: ct);
            var elapsed = context.Environment.Time.GetElapsedTime(started);
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("endpoint", context.Settings.Endpoint.ToString());
                    w.WriteNumber("milliseconds", Math.Round(elapsed.TotalMilliseconds, 1));
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Out.WriteLine(FormattableString.Invariant($"ok: {context.Settings.Endpoint} answered in {elapsed.TotalMilliseconds:0.0} ms"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
