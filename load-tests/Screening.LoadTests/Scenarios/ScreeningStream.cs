using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Grpc.Core;
using Screening.Contracts.V1;

namespace Screening.LoadTests.Scenarios;

/// <summary>
/// One ScreenStream call shared by many callers: requests get a unique client_reference, a writer loop sends them
/// in order, a reader loop completes each caller's task by the reference its answer carries. If the stream fails,
/// every waiting caller gets the failure and the next request opens a new stream.
/// </summary>
public sealed class ScreeningStream(ScreeningService.ScreeningServiceClient client, Metadata headers, string prefix) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ScreenResponse>> _pending = new(StringComparer.Ordinal);
    private Channel<ScreenRequest>? _outbox;
    private Task? _loops;
    private AsyncDuplexStreamingCall<ScreenRequest, ScreenResponse>? _call;
    private long _sequence;

    public async Task<ScreenResponse> ScreenAsync(ScreenRequest template, CancellationToken ct)
    {
        var request = template.Clone();
        request.ClientReference = prefix + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<ScreenResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.ClientReference] = answer;
        await Outbox().Writer.WriteAsync(request, ct);
        return await answer.Task.WaitAsync(ct);
    }

    private Channel<ScreenRequest> Outbox()
    {
        lock (_gate)
        {
            if (_outbox is not null)
            {
                return _outbox;
            }

            var outbox = Channel.CreateBounded<ScreenRequest>(new BoundedChannelOptions(1024) { SingleReader = true });
            var call = client.ScreenStream(headers);
            _outbox = outbox;
            _call = call;
            _loops = Task.WhenAll(Task.Run(() => WriteAsync(outbox, call)), Task.Run(() => ReadAsync(outbox, call)));
            return outbox;
        }
    }

    private async Task WriteAsync(Channel<ScreenRequest> outbox, AsyncDuplexStreamingCall<ScreenRequest, ScreenResponse> call)
    {
        try
        {
            await foreach (var request in outbox.Reader.ReadAllAsync())
            {
                await call.RequestStream.WriteAsync(request);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e)
        {
            Fail(outbox, e);
        }
    }

    private async Task ReadAsync(Channel<ScreenRequest> outbox, AsyncDuplexStreamingCall<ScreenRequest, ScreenResponse> call)
    {
        try
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                if (_pending.TryRemove(response.ClientReference, out var answer))
                {
                    answer.TrySetResult(response);
                }
            }

            Fail(outbox, new RpcException(new Status(StatusCode.Internal, "the stream ended with requests unanswered")));
        }
        catch (Exception e)
        {
            Fail(outbox, e);
        }
    }

    private void Fail(Channel<ScreenRequest> outbox, Exception e)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_outbox, outbox))
            {
                _outbox = null;
                outbox.Writer.TryComplete();
            }
        }

        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var answer))
            {
                answer.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loops;
        lock (_gate)
        {
            _outbox?.Writer.TryComplete();
            loops = _loops;
        }

        if (loops is not null)
        {
            await loops.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _call?.Dispose();
    }
}
