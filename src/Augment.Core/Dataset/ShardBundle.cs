using System.Buffers;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Augment.Core.Dataset;

/// <summary>
/// A shard's objects as one object of the shared cache, so that a gather fetches a shard's files in
/// one request instead of one per file (a request costs more than a small JPEG takes to send). Its
/// bytes: for each object, a line "&lt;sha256&gt; &lt;length&gt;\n" and then the object's bytes. Every object
/// read from it is checked against its own SHA-256, so a corrupt or cut-off bundle is never used
/// past its first bad object; what it did not deliver is fetched object by object.
/// </summary>
internal static class ShardBundle
{
    private const int MaxHeader = 96;

    /// <summary>The bundle's SHA-256 and length, read from the objects' files (a first pass: the name goes into the upload's URL).</summary>
    public static (string Sha256, long Length) Measure(IReadOnlyList<(string Sha256, string Path)> objects)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long length = 0;
        try
        {
            foreach (var (sha, path) in objects)
            {
                using var file = File.OpenRead(path);
                var header = Header(sha, file.Length);
                hash.AppendData(header);
                length += header.Length + file.Length;
                int n;
                while ((n = file.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    /// <summary>Reads a bundle; hands over each object <paramref name="wanted"/> names once its bytes match its name. Returns how many were handed over.</summary>
    public static async Task<int> ReadAsync(
        Stream stream, Func<string, bool> wanted, Action<string, byte[]> found, Action<string> corrupt, CancellationToken cancellation)
    {
        var reader = new BufferedStream(stream, 1 << 16);
        var header = new byte[MaxHeader];
        var delivered = 0;
        while (true)
        {
            var length = 0;
            int b;
            while ((b = reader.ReadByte()) >= 0 && b != '\n' && length < MaxHeader)
            {
                header[length++] = (byte)b;
            }

            if (b != '\n')
            {
                return delivered; // the end (or a header that is not one: the rest is not trusted)
            }

            var text = Encoding.ASCII.GetString(header, 0, length).Split(' ');
            if (text.Length != 2 || !Cache.KeyRecord.IsSha256(text[0]) ||
                !long.TryParse(text[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > Array.MaxLength)
            {
                return delivered;
            }

            var sha = text[0];
            if (!wanted(sha))
            {
                if (!await Skip(reader, size, cancellation).ConfigureAwait(false))
                {
                    return delivered;
                }

                continue;
            }

            var bytes = new byte[size];
            if (await reader.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellation).ConfigureAwait(false) != bytes.Length)
            {
                return delivered; // cut off
            }

            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha)
            {
                corrupt(sha);
                return delivered;
            }

            found(sha, bytes);
            delivered++;
        }
    }

    private static async Task<bool> Skip(Stream reader, long size, CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (size > 0)
            {
                var n = await reader.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size)), cancellation).ConfigureAwait(false);
                if (n == 0)
                {
                    return false;
                }

                size -= n;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Header(string sha, long length) => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sha} {length}\n"));

    /// <summary>The bundle as an upload's body, streamed from the objects' files, with its Content-Length.</summary>
    public sealed class Content(IReadOnlyList<(string Sha256, string Path)> objects, long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var (sha, path) in objects)
            {
                await stream.WriteAsync(Header(sha, new FileInfo(path).Length)).ConfigureAwait(false);
                var file = File.OpenRead(path);
                await using (file.ConfigureAwait(false))
                {
                    await file.CopyToAsync(stream).ConfigureAwait(false);
                }
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return true;
        }
    }
}
