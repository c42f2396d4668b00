using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Win32.SafeHandles;

namespace Augment.Core.Platform;

/// <summary>
/// Keeps what the codec libraries inside OpenCV print off the user's terminal. libpng and libjpeg
/// report damaged data by writing to the process's stderr ("libpng error: bad adaptive filter
/// value", "Corrupt JPEG data: premature end of data segment"), and OpenCV gives them no handler to
/// redirect; the file's error (AUG3002) already says what is wrong. So the engine's process points
/// file descriptor 2 at a pipe, gives .NET's <see cref="Console.Error"/> the real stderr, and a
/// reader passes on every line that is not such a codec message (a crash report of the runtime, say).
/// </summary>
public static partial class NativeStderr
{
    private static int _installed;
    private static int _swallowed;

    /// <summary>How many codec messages were kept off stderr since <see cref="Install"/>.</summary>
    public static int Swallowed => Volatile.Read(ref _swallowed);

    /// <summary>Whether a line of native stderr output is a codec library's message about damaged data.</summary>
    public static bool IsCodecMessage(string line) => CodecMessage().IsMatch(line);

    /// <summary>
    /// Installs the redirect once, for a process of the engine's own (the CLI): never in a host that
    /// shares stderr with other code. Linux and macOS; elsewhere it does nothing.
    /// </summary>
    public static void Install()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || Interlocked.Exchange(ref _installed, 1) != 0)
        {
            return;
        }

        Console.Error.Flush();
        Span<int> ends = stackalloc int[2];
        if (Pipe(ref MemoryMarshal.GetReference(ends)) != 0)
        {
            return; // leave stderr as it is
        }

        var (read, write) = (ends[0], ends[1]);
        // The console's own stream over a duplicate of the real stderr: it writes with write(2), at
        // the offset the descriptor shares with stdout, so `> log 2>&1` keeps the lines of both. (A
        // FileStream over a regular file writes at a position of its own, over stdout's lines.)
        var realWriter = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        if (Dup2(write, 2) < 0)
        {
            return;
        }

        Close(write);
        Console.SetError(TextWriter.Synchronized(realWriter));
        // The runtime prints an unhandled exception to fd 2, now the pipe, and aborts before the
        // reader may have passed it on: write it to the real stderr first.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            lock (realWriter)
            {
                realWriter.WriteLine($"Unhandled exception. {e.ExceptionObject}");
            }
        };
        var reader = new Thread(() => Forward(read, realWriter)) { IsBackground = true, Name = "native stderr" };
        reader.Start();
    }

    private static void Forward(int read, TextWriter real)
    {
        using var stream = new FileStream(new SafeFileHandle(read, ownsHandle: true), FileAccess.Read, 1);
        using var lines = new StreamReader(stream, Encoding.UTF8);
        while (lines.ReadLine() is { } line)
        {
            if (IsCodecMessage(line))
            {
                Interlocked.Increment(ref _swallowed);
                continue;
            }

            lock (real)
            {
                real.WriteLine(line);
            }
        }
    }

    // libpng's errors and warnings, libjpeg's warnings and errors about data (jerror.h), libtiff's and
    // libwebp's "...: " reports as OpenCV's build prints them.
    [GeneratedRegex(@"^(libpng (error|warning)|Corrupt JPEG data|Premature end of JPEG file|Invalid SOS parameters|Inconsistent progression sequence|Warning: (unknown JFIF|thumbnail image size)|Unsupported marker type|Bogus (marker length|Huffman table definition|DQT|DAC|DHT|input colorspace|virtual array|message code|JPEG colorspace)|JPEG datastream contains no image|Huffman table 0x|Invalid JPEG file structure|Not a JPEG file|Quantization table 0x|Unsupported JPEG process|Maximum supported image dimension|Empty JPEG image|(TIFFRead|TIFFFetch|TIFFAdvance|TIFFReadDirectory|TIFFScanline|TIFFFillStrip|TIFFFillTile|TIFFReadEncoded|TIFFReadRaw|_TIFFVSetField|TIFFField|LZWDecode|ZIPDecode|PackBitsDecode|Fax3Decode|JPEGLib|OJPEG)[A-Za-z]*:)")]
    private static partial Regex CodecMessage();

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static partial int Pipe(ref int fds);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
