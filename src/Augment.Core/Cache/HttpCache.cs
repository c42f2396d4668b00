using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Augment.Core.Cache;

/// <summary>
/// A client of Bazel's HTTP remote-cache protocol, as bazel-remote, nginx with WebDAV and most
/// artifact stores serve it: <c>GET</c>/<c>PUT</c>/<c>HEAD</c> of <c>/cas/&lt;sha256&gt;</c> (file contents)
/// and <c>/ac/&lt;key&gt;</c> (key records). 404 is a miss, 2xx (and 409 on a repeated PUT) is a hit or a
/// stored write. Credentials, a bearer token or the URL's user:password, go into a header and never
/// into <see cref="Display"/> or a message. A request that cannot connect, times out or gets a 5xx
/// is tried <see cref="Retries"/> more times, then fails with <see cref="SharedCacheUnavailableException"/>;
/// a 401 or 403 fails at once with <see cref="SharedCacheRefusedException"/>.
/// </summary>
public sealed class HttpCache : IDisposable
{
    public const string UrlVariable = "AUGMENT_CACHE_URL";
    public const string TokenVariable = "AUGMENT_CACHE_TOKEN";
    public const int Retries = 2;

    private readonly HttpClient _client;
    private readonly Uri _base;
    private readonly TimeSpan _timeout;

    public HttpCache(string url, string? token, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"the cache URL '{Redact(url)}' is not an http:// or https:// URL");
        }

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = Parallelism,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
        };
        _timeout = timeout ?? TimeSpan.FromSeconds(60);
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }; // each request has its own (SendAsync)
        if (uri.UserInfo is { Length: > 0 } userInfo)
        {
            if (token is { Length: > 0 })
            {
                throw new ArgumentException($"both {TokenVariable} and a user:password in the cache URL are set; use one");
            }

            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(userInfo))));
        }
        else if (token is { Length: > 0 })
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _base = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        Display = _base.GetLeftPart(UriPartial.Path);
    }

    /// <summary>Requests a build has in flight at once.</summary>
    public const int Parallelism = 16;

    /// <summary>The URL without credentials: what messages and summaries show.</summary>
    public string Display { get; }

    /// <summary>The bytes under <c>kind/hash</c> (kind <c>cas</c> or <c>ac</c>), or null on a miss.</summary>
    public async Task<byte[]?> GetAsync(string kind, string hash, CancellationToken cancellation)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Address(kind, hash)), cancellation, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(_timeout);
        try
        {
            // Read into an array of the announced length: one copy of the body, not a growing buffer and a copy of it.
            if (response.Content.Headers.ContentLength is { } length && length >= 0 && length <= Array.MaxLength)
            {
                var bytes = new byte[length];
                var stream = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, limit.Token).ConfigureAwait(false);
                    return read == bytes.Length ? bytes : bytes[..read]; // short: the hash check finds it truncated
                }
            }

            return await response.Content.ReadAsByteArrayAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new SharedCacheUnavailableException($"the cache at {Display} cannot be used: {kind}/{hash} did not arrive in {_timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException)
        {
            return []; // the body broke off: the caller's hash check finds it truncated
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Streams the bytes under <c>kind/hash</c> to <paramref name="read"/>; false on a miss.</summary>
    public async Task<bool> GetStreamAsync(string kind, string hash, Func<Stream, CancellationToken, Task> read, CancellationToken cancellation)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Address(kind, hash)), cancellation, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(_timeout + TimeSpan.FromSeconds((response.Content.Headers.ContentLength ?? 0) / 10_000_000.0));
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await read(stream, limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // Too slow: what was read is kept, the rest is asked for one by one.
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The body broke off: what was read is kept (each object checked), the rest is asked for one by one.
        }

        return true;
    }

    /// <summary>True when the server holds <c>kind/hash</c>.</summary>
    public async Task<bool> ContainsAsync(string kind, string hash, CancellationToken cancellation)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, Address(kind, hash)), cancellation).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Stores the bytes under <c>kind/hash</c>, with their Content-Length (no chunked upload).</summary>
    public async Task PutAsync(string kind, string hash, byte[] bytes, CancellationToken cancellation)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, Address(kind, hash)) { Content = new ByteArrayContent(bytes) },
            cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SharedCacheUnavailableException($"the cache at {Display} answered 404 to a PUT of {kind}/{hash}: it does not take uploads there");
        }
    }

    /// <summary>
    /// Stores a body made by <paramref name="content"/> (once per attempt) of <paramref name="length"/>
    /// bytes under <c>kind/hash</c>; the time allowed grows by a second per 10 MB.
    /// </summary>
    public async Task PutAsync(string kind, string hash, Func<HttpContent> content, long length, CancellationToken cancellation)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, Address(kind, hash)) { Content = content() }, cancellation,
            timeout: _timeout + TimeSpan.FromSeconds(length / 10_000_000.0)).ConfigureAwait(false);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The URL with any user:password replaced by ***, for a message about a URL that could not be used.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var slash = scheme < 0 ? -1 : url.IndexOf('/', scheme + 3);
        return scheme >= 0 && at > scheme && (slash < 0 || at < slash) ? url[..(scheme + 3)] + "***" + url[at..] : url;
    }

    private Uri Address(string kind, string hash) => new(_base, $"{kind}/{hash}");

    // 2xx and 404 return; 409 (a repeated PUT some servers refuse) counts as stored; 401/403 fail at
    // once; anything else is retried, then fails as unavailable.
    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> request, CancellationToken cancellation, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        TimeSpan? timeout = null)
    {
        string? problem = null;
        int? answered = null;
        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt * attempt), cancellation).ConfigureAwait(false);
            }

            using var message = request();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(timeout ?? _timeout);
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(message, completion, limit.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                problem = e.HttpRequestError == HttpRequestError.ConnectionError ? "cannot connect" : e.Message;
                continue;
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                problem = $"no answer in {(timeout ?? _timeout).TotalSeconds:0} s";
                continue;
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound ||
                (response.StatusCode == HttpStatusCode.Conflict && message.Method == HttpMethod.Put))
            {
                return response;
            }

            response.Dispose();
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new SharedCacheRefusedException(
                    $"the cache at {Display} refused the credentials ({status} {response.ReasonPhrase}); check {TokenVariable} or the user:password in the URL");
            }

            problem = $"it answered {status} {response.ReasonPhrase}";
            answered = status;
            if (status < 500)
            {
                break; // a client error: asking again gets the same answer
            }
        }

        throw new SharedCacheUnavailableException($"the cache at {Display} cannot be used: {problem}", answered);
    }
}

/// <summary>The shared cache cannot be reached, times out or fails (5xx): a build goes on locally.</summary>
public sealed class SharedCacheUnavailableException(string message, int? status = null) : Exception(message)
{
    /// <summary>The HTTP status the server answered with, or null when it did not answer (no connection, a timeout).</summary>
    public int? Status { get; } = status;
}

/// <summary>The shared cache refused the credentials (401, 403).</summary>
public sealed class SharedCacheRefusedException(string message) : Exception(message);
