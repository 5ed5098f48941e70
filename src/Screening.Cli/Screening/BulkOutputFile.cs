using System.Globalization;
using System.Text;
using System.Text.Json;
using Screening.Cli.Csv;
using Screening.Contracts.V1;

namespace Screening.Cli.Screening;

/// <summary>
/// The results file of <c>screen-file</c>: rows in the order their answers arrive. On resume it reads which rows
/// are already there (by reference, else by line number), drops a partly written last line and appends.
/// </summary>
internal sealed class BulkOutputFile : IAsyncDisposable
{
    public static readonly string[] CsvColumns =
        ["row", "reference", "decision", "score", "top_designation_id", "top_designation_name", "top_list_id", "top_matched_name", "hits", "former_designations", "list_versions", "screening_id", "as_of", "name"];

    private readonly StreamWriter _writer;
    private readonly BulkOutputFormat _format;

    private BulkOutputFile(StreamWriter writer, BulkOutputFormat format)
    {
        _writer = writer;
        _format = format;
    }

    /// <summary>References of rows already in the file (resume).</summary>
    public HashSet<string> DoneReferences { get; } = new(StringComparer.Ordinal);

    /// <summary>Line numbers of rows without a reference already in the file (resume).</summary>
    public HashSet<long> DoneLines { get; } = [];

    public static BulkOutputFormat FormatOf(string path, string? explicitFormat) => explicitFormat switch
    {
        "csv" => BulkOutputFormat.Csv,
        "json" or "jsonl" => BulkOutputFormat.JsonLines,
        _ => Path.GetExtension(path).ToLowerInvariant() is ".json" or ".jsonl" or ".ndjson" ? BulkOutputFormat.JsonLines : BulkOutputFormat.Csv,
    };

    public static async Task<BulkOutputFile> OpenAsync(string path, BulkOutputFormat format, bool resume, bool force, CancellationToken ct)
    {
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        if (exists && !resume && !force && await HasResultsAsync(path, format, ct))
        {
            throw new CliException(ExitCodes.Usage, $"{path} exists; pass --resume to continue it or --force to overwrite it");
        }

        if (exists && resume)
        {
            var done = new BulkOutputFile(null!, format);
            var keep = await ReadDoneAsync(path, format, done, ct);
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                stream.SetLength(keep);
            }

            var appender = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
            var file = new BulkOutputFile(appender, format);
            file.DoneReferences.UnionWith(done.DoneReferences);
            file.DoneLines.UnionWith(done.DoneLines);
            if (keep == 0 && format == BulkOutputFormat.Csv)
            {
                await appender.WriteLineAsync(CsvLine.Join(CsvColumns));
            }

            return file;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        if (format == BulkOutputFormat.Csv)
        {
            await writer.WriteLineAsync(CsvLine.Join(CsvColumns));
        }

        return new BulkOutputFile(writer, format);
    }

    public bool IsDone(long line, string reference) => reference.Length > 0 ? DoneReferences.Contains(reference) : DoneLines.Contains(line);

    public async Task WriteAsync(ScreeningRow row, ScreenResponse response)
    {
        var top = response.Hits.Count > 0 ? response.Hits[0] : null;
        var score = top?.Score.ToString("0.0000", CultureInfo.InvariantCulture) ?? string.Empty;
        if (_format == BulkOutputFormat.Csv)
        {
            await _writer.WriteLineAsync(CsvLine.Join(
            [
                row.Line.ToString(CultureInfo.InvariantCulture),
                row.Reference,
                SubjectFields.Name(response.Decision),
                score,
                top?.DesignationId ?? string.Empty,
                top?.DesignationName ?? string.Empty,
                top?.ListId ?? string.Empty,
                top?.MatchedName ?? string.Empty,
                response.Hits.Count.ToString(CultureInfo.InvariantCulture),
                response.FormerDesignations.Count.ToString(CultureInfo.InvariantCulture),
                SubjectFields.Versions(response.ListVersions),
                response.ScreeningId,
                response.AsOf,
                string.Join('|', row.Request.Subject.Names),
            ]));
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("row", row.Line);
            json.WriteString("reference", row.Reference);
            json.WriteStartArray("names");
            foreach (var n in row.Request.Subject.Names)
            {
                json.WriteStringValue(n);
            }

            json.WriteEndArray();
            json.WriteString("decision", SubjectFields.Name(response.Decision));
            if (top is null)
            {
                json.WriteNull("score");
                json.WriteNull("topHit");
            }
            else
            {
                json.WriteNumber("score", Math.Round(top.Score, 4));
                json.WriteStartObject("topHit");
                json.WriteString("designationId", top.DesignationId);
                json.WriteString("designationName", top.DesignationName);
                json.WriteString("listId", top.ListId);
                json.WriteString("matchedName", top.MatchedName);
                json.WriteString("explanation", top.Explanation);
                json.WriteEndObject();
            }

            json.WriteNumber("hits", response.Hits.Count);
            json.WriteNumber("formerDesignations", response.FormerDesignations.Count);
            json.WriteStartArray("listVersions");
            foreach (var v in response.ListVersions)
            {
                json.WriteStartObject();
                json.WriteString("listId", v.ListId);
                json.WriteNumber("version", v.Version);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("screeningId", response.ScreeningId);
            json.WriteString("asOf", response.AsOf);
            json.WriteEndObject();
        }

        await _writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public Task FlushAsync() => _writer.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    /// <summary>Whether the file holds at least one result (a CSV header alone, left by a run that failed at once, does not count).</summary>
    private static async Task<bool> HasResultsAsync(string path, BulkOutputFormat format, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var lines = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Trim().Length > 0 && ++lines > (format == BulkOutputFormat.Csv ? 1 : 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Collects the rows already written; returns the length of the file up to its last complete line.</summary>
    private static async Task<long> ReadDoneAsync(string path, BulkOutputFormat format, BulkOutputFile done, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        var text = new UTF8Encoding(false).GetString(bytes, 0, complete).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        if (format == BulkOutputFormat.Csv)
        {
            var fields = new List<string>();
            if (lines.Count == 0)
            {
                return 0;
            }

            if (!CsvLine.TrySplit(lines[0], ',', fields, out _) || fields.Count < 2 || fields[0] != "row" || fields[1] != "reference")
            {
                throw new CliException(ExitCodes.Usage, $"{path} was not written by screen-file (its header does not start with row,reference); cannot resume it");
            }

            foreach (var line in lines.Skip(1))
            {
                if (CsvLine.TrySplit(line, ',', fields, out _) && fields.Count >= 2)
                {
                    Remember(done, fields[0], fields[1]);
                }
            }

            return complete;
        }

        foreach (var line in lines)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var row = doc.RootElement.GetProperty("row").GetInt64();
                var reference = doc.RootElement.GetProperty("reference").GetString() ?? string.Empty;
                Remember(done, row.ToString(CultureInfo.InvariantCulture), reference);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new CliException(ExitCodes.Usage, $"{path} has a line that is not a screen-file result ({e.Message}); cannot resume it");
            }
        }

        return complete;
    }

    private static void Remember(BulkOutputFile done, string row, string reference)
    {
        if (reference.Length > 0)
        {
            done.DoneReferences.Add(reference);
        }
        else if (long.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            done.DoneLines.Add(line);
        }
    }
}
