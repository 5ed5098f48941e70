using System.Globalization;
using System.Text.Json;

namespace Screening.Lists.Parsing;

/// <summary>
/// Reads a JSON stream through a bounded, refilled buffer with <see cref="Utf8JsonReader"/>: each step either
/// completes on the data buffered so far or is retried with more data, so memory is bounded by the largest
/// single step (one designation object), never by the file.
/// </summary>
internal sealed class JsonChunkReader(Stream stream, int maxStepBytes) : IDisposable
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
    private long _consumedBefore;

    /// <summary>One step of reading; returns false when it needs more data than is buffered.</summary>
    public delegate bool Step<T>(ref Utf8JsonReader reader, out T result);

    /// <summary>Bytes consumed so far.</summary>
    public long Offset => _consumedBefore;

    public T Read<T>(Step<T> step, string path)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool done;
            T result;
            try
            {
                done = step(ref reader, out result);
            }
            catch (JsonException ex) when (_final && _consumedBefore == 0 && _end == _start)
            {
                throw new ListFormatException("byte 0", "the file is empty", ex);
            }
            catch (JsonException ex)
            {
                throw new ListFormatException(Describe(ex, path), "not valid JSON: " + ex.Message, ex);
            }

            if (done)
            {
                _start += (int)reader.BytesConsumed;
                _consumedBefore += reader.BytesConsumed;
                _state = reader.CurrentState;
                return result;
            }

            if (_final)
            {
                throw new ListFormatException(Position(path), "the file ends in the middle of the JSON document (truncated?)");
            }

            Fill(path);
        }
    }

    public void Dispose() => stream.Dispose();

    private void Fill(string path)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxStepBytes)
            {
                throw new ListFormatException(Position(path), $"a single JSON value is larger than {maxStepBytes / (1024 * 1024)} MiB");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxStepBytes));
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
        }

        _end += read;
    }

    private string Position(string path) => string.Create(CultureInfo.InvariantCulture, $"byte {_consumedBefore} ({path})");

    private string Describe(JsonException ex, string path) => ex.LineNumber is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {ex.BytePositionInLine + 1} of that line ({path})")
        : Position(path);
}
