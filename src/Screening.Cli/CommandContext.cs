using System.CommandLine;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Screening.Cli.Connection;
using Spectre.Console;

namespace Screening.Cli;

/// <summary>What one command's action works with: its parse result, consoles, JSON mode and (lazily) the connection.</summary>
internal sealed class CommandContext(ParseResult parse, CliEnvironment environment, GlobalOptions options) : IDisposable
{
    private static readonly JsonFormatter ProtoJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());
    private static readonly JsonFormatter ProtoJsonLine = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private ConnectionSettings? _settings;
    private PlatformConnection? _connection;
    private IAnsiConsole? _out;
    private IAnsiConsole? _err;

    public ParseResult Parse { get; } = parse;

    public CliEnvironment Environment { get; } = environment;

    public bool Json => Parse.GetValue(options.Json);

    /// <summary>The --endpoint flag as given (null when absent).</summary>
    public string? EndpointFlag => Parse.GetValue(options.Endpoint);

    /// <summary>The --key flag as given (null when absent).</summary>
    public string? KeyFlag => Parse.GetValue(options.Key);

    /// <summary>Human output (tables, colours when standard output is a terminal).</summary>
    public IAnsiConsole Out => _out ??= CreateConsole(Environment.Output, Environment.OutputIsTerminal);

    /// <summary>Progress and diagnostics on standard error.</summary>
    public IAnsiConsole Err => _err ??= CreateConsole(Environment.Error, Environment.Interactive);

    public ConnectionSettings Settings => _settings ??= ResolveSettings();

    public PlatformConnection Connection => _connection ??= new PlatformConnection(Settings);

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public ProfileFile? LoadProfile(out string path, bool mayBeMissing = false)
    {
        var explicitPath = Parse.GetValue(options.Profile);
        path = string.IsNullOrWhiteSpace(explicitPath) ? ProfileFile.DefaultPath(Environment) : explicitPath;
        return ProfileFile.Load(path, !mayBeMissing && !string.IsNullOrWhiteSpace(explicitPath));
    }

    /// <summary>Writes a protobuf message as JSON (every field, enums by name).</summary>
    public void WriteJson(IMessage message) => Environment.Output.WriteLine(ProtoJson.Format(message));

    /// <summary>Writes a protobuf message as one line of JSON (JSON Lines, for streams) and flushes it.</summary>
    public void WriteJsonLine(IMessage message)
    {
        Environment.Output.WriteLine(ProtoJsonLine.Format(message));
        Environment.Output.Flush();
    }

    /// <summary>Writes a JSON document built with a writer.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        Environment.Output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes a protobuf message inside a writer-built document.</summary>
    public static void WriteMessage(Utf8JsonWriter writer, string property, IMessage message)
    {
        writer.WritePropertyName(property);
        using var document = JsonDocument.Parse(ProtoJson.Format(message));
        document.WriteTo(writer);
    }

    public void Dispose() => _connection?.Dispose();

    private ConnectionSettings ResolveSettings()
    {
        var profile = LoadProfile(out _);
        return ConnectionSettings.Resolve(Parse.GetValue(options.Endpoint), Parse.GetValue(options.Key), profile, Environment.Variable);
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
