using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;

namespace Augment.Core.Tests.TestSupport;

/// <summary>
/// Seeded mutations of encoded images for the decoder fuzz test: bit flips, byte overwrites,
/// truncations and insertions anywhere, and mutations that know each format's structure (PNG chunks
/// and their CRCs, JPEG marker segments and scan data, TIFF directory entries, WebP RIFF chunks, BMP
/// header fields), including headers enlarged into decompression bombs. Every mutation appends what
/// it did to <see cref="Steps"/>, so that a failing case can be read and reproduced.
/// </summary>
internal sealed class ImageMutator(Random random)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF];

    private static readonly uint[] InterestingWords =
        [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    private static readonly string[] PngChunkTypes =
        ["tEXt", "zTXt", "iCCP", "gAMA", "sRGB", "pHYs", "bKGD", "sBIT", "tRNS", "PLTE", "IDAT", "IEND", "IHDR", "vpAg", "aBcD"];

    private readonly List<string> _steps = [];

    /// <summary>What was done to the last input, in order.</summary>
    public IReadOnlyList<string> Steps => _steps;

    /// <summary>Whether the last input was only made to declare more pixels than the limit.</summary>
    public bool PureBomb { get; private set; }

    /// <summary>1-3 mutations of <paramref name="seed"/>, generic or structure-aware for its format.</summary>
    public byte[] Mutate(byte[] seed, ImageFormat format, long maxPixels)
    {
        _steps.Clear();
        PureBomb = false;
        var data = seed;

        // One case in ten is a bomb alone: the header must refuse it, whatever else is in the file.
        if (random.Next(10) == 0)
        {
            var bomb = Bomb(data, format, maxPixels);
            if (bomb is not null)
            {
                PureBomb = true;
                return bomb;
            }
        }

        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            data = random.Next(100) < 45 ? Generic(data) : Structured(data, format, maxPixels) ?? Generic(data);
        }

        // Half the PNGs get every CRC made right again, so that damage inside a chunk reaches libpng
        // and zlib instead of stopping at the CRC check.
        if (format == ImageFormat.Png && random.Next(2) == 0)
        {
            data = FixAllPngCrcs(data);
            _steps.Add("recompute every chunk CRC");
        }

        return data;
    }

    /// <summary>A copy whose header declares more than <paramref name="maxPixels"/> pixels; null when the seed has no header to patch.</summary>
    public byte[]? Bomb(byte[] data, ImageFormat format, long maxPixels)
    {
        var sides = BombSides(format, maxPixels);
        var (width, height) = sides[random.Next(sides.Length)];
        var bomb = DeclareSize(data, format, width, height);
        if (bomb is not null)
        {
            _steps.Add(string.Create(CultureInfo.InvariantCulture, $"bomb: header declares {width}x{height}"));
        }

        return bomb;
    }

    /// <summary>
    /// A copy whose header declares <paramref name="width"/> x <paramref name="height"/>, with what
    /// the format needs to stay consistent (a PNG's IHDR CRC); null when the structure is not found.
    /// </summary>
    public static byte[]? DeclareSize(byte[] data, ImageFormat format, long width, long height)
    {
        var copy = (byte[])data.Clone();
        switch (format)
        {
            case ImageFormat.Png:
                if (copy.Length < 33 || !copy.AsSpan(12, 4).SequenceEqual("IHDR"u8))
                {
                    return null;
                }

                BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(16), (uint)width);
                BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(20), (uint)height);
                FixPngCrc(copy, 8);
                return copy;

            case ImageFormat.Jpeg:
                var frame = JpegSegments(copy).FirstOrDefault(s => IsStartOfFrame(s.Marker));
                if (frame.End - frame.Offset < 11)
                {
                    return null;
                }

                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(frame.Offset + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(frame.Offset + 7), (ushort)width);
                return copy;

            case ImageFormat.Tiff:
                var tiff = TiffDirectory.Parse(copy);
                if (tiff is null || !tiff.Entries.Any(e => e.Tag == 256) || !tiff.Entries.Any(e => e.Tag == 257))
                {
                    return null;
                }

                // The first entry of each: the one libtiff reads when a tag is repeated.
                var widthEntry = tiff.Entries.First(e => e.Tag == 256);
                var heightEntry = tiff.Entries.First(e => e.Tag == 257);
                tiff.Write(copy, widthEntry with { Type = 4, Count = 1, Value = (uint)width });
                tiff.Write(copy, heightEntry with { Type = 4, Count = 1, Value = (uint)height });

                return copy;

            case ImageFormat.WebP:
                if (copy.Length < 30)
                {
                    return null;
                }

                switch (Encoding.ASCII.GetString(copy, 12, 4))
                {
                    case "VP8X":
                        WriteUInt24(copy.AsSpan(24), (int)(width - 1));
                        WriteUInt24(copy.AsSpan(27), (int)(height - 1));
                        return copy;
                    case "VP8L":
                        var bits = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(21));
                        bits = (bits & 0xF0000000u) | (uint)((width - 1) & 0x3FFF) | ((uint)((height - 1) & 0x3FFF) << 14);
                        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(21), bits);
                        return copy;
                    case "VP8 ":
                        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(26), (ushort)(width & 0x3FFF));
                        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(28), (ushort)(height & 0x3FFF));
                        return copy;
                    default:
                        return null;
                }

            case ImageFormat.Bmp:
                if (copy.Length < 26 || BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(14)) < 40)
                {
                    return null;
                }

                BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(18), (int)width);
                BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(22), (int)height);
                return copy;

            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>Sizes over the limit that each format's header can hold (JPEG 16 bits a side, WebP's VP8 and VP8L 14).</summary>
    public static (long Width, long Height)[] BombSides(ImageFormat format, long maxPixels)
    {
        var largest = format switch
        {
            ImageFormat.Jpeg => 65_535L,
            ImageFormat.WebP => 16_383L,
            _ => int.MaxValue,
        };
        var side = (long)Math.Ceiling(Math.Sqrt(maxPixels + 1.0)) + 1;
        (long Width, long Height)[] sides =
            [(largest, largest), (100_000, 100_000), (side, side), (maxPixels / 2, 3), (maxPixels + 1, 1), (1, maxPixels + 1)];
        return sides.Where(s => s.Width <= largest && s.Height <= largest && s.Width * s.Height > maxPixels).Distinct().ToArray();
    }

    private byte[] Generic(byte[] data)
    {
        if (data.Length == 0)
        {
            return InsertBytes(data);
        }

        return random.Next(8) switch
        {
            0 or 1 => FlipBits(data),
            2 => OverwriteBytes(data),
            3 => Truncate(data),
            4 => DeleteRange(data),
            5 => InsertBytes(data),
            6 => CopyRange(data),
            _ => OverwriteWord(data),
        };
    }

    private byte[]? Structured(byte[] data, ImageFormat format, long maxPixels)
    {
        // Now and then a bomb among other mutations: the size the decoder reads must still be the one guarded.
        if (random.Next(12) == 0)
        {
            return Bomb(data, format, maxPixels);
        }

        return format switch
        {
            ImageFormat.Png => Png(data, maxPixels),
            ImageFormat.Jpeg => Jpeg(data, maxPixels),
            ImageFormat.Tiff => Tiff(data, maxPixels),
            ImageFormat.WebP => Webp(data, maxPixels),
            ImageFormat.Bmp => Bmp(data, maxPixels),
            _ => null,
        };
    }

    // ---- Generic mutations ----

    private byte[] FlipBits(byte[] data)
    {
        var copy = (byte[])data.Clone();
        var flips = 1 + random.Next(8);
        var at = new List<string>();
        for (var i = 0; i < flips; i++)
        {
            var position = Position(copy.Length);
            var bit = random.Next(8);
            copy[position] ^= (byte)(1 << bit);
            at.Add(string.Create(CultureInfo.InvariantCulture, $"{position}.{bit}"));
        }

        _steps.Add($"flip bits (byte.bit) {string.Join(", ", at)}");
        return copy;
    }

    private byte[] OverwriteBytes(byte[] data)
    {
        var copy = (byte[])data.Clone();
        var count = 1 + random.Next(4);
        var at = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var position = Position(copy.Length);
            copy[position] = random.Next(2) == 0 ? InterestingBytes[random.Next(InterestingBytes.Length)] : (byte)random.Next(256);
            at.Add(string.Create(CultureInfo.InvariantCulture, $"{position}={copy[position]:X2}"));
        }

        _steps.Add($"overwrite bytes {string.Join(", ", at)}");
        return copy;
    }

    private byte[] OverwriteWord(byte[] data)
    {
        var copy = (byte[])data.Clone();
        var value = InterestingWords[random.Next(InterestingWords.Length)];
        var size = random.Next(2) == 0 ? 2 : 4;
        var bigEndian = random.Next(2) == 0;
        var position = Position(Math.Max(1, copy.Length - size + 1));
        var word = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(word, size == 2 ? value << 16 : value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, value);
        }

        var count = Math.Min(size, copy.Length - position);
        word.AsSpan(0, count).CopyTo(copy.AsSpan(position));
        _steps.Add(string.Create(CultureInfo.InvariantCulture,
            $"overwrite {size}-byte {(bigEndian ? "big" : "little")}-endian word at {position} with {value:X}"));
        return copy;
    }

    private byte[] Truncate(byte[] data)
    {
        // Mostly near the end, where a truncated download or copy cuts.
        var length = random.Next(2) == 0 ? random.Next(data.Length) : Math.Max(0, data.Length - 1 - random.Next(Math.Min(64, data.Length)));
        _steps.Add(string.Create(CultureInfo.InvariantCulture, $"truncate to {length} of {data.Length} bytes"));
        return data[..length];
    }

    private byte[] DeleteRange(byte[] data)
    {
        var start = Position(data.Length);
        var count = Math.Min(data.Length - start, 1 + random.Next(16));
        _steps.Add(string.Create(CultureInfo.InvariantCulture, $"delete {count} bytes at {start}"));
        return [.. data.AsSpan(0, start), .. data.AsSpan(start + count)];
    }

    private byte[] InsertBytes(byte[] data)
    {
        var at = random.Next(data.Length + 1);
        var inserted = new byte[1 + random.Next(16)];
        random.NextBytes(inserted);
        _steps.Add(string.Create(CultureInfo.InvariantCulture, $"insert {Convert.ToHexString(inserted)} at {at}"));
        return [.. data.AsSpan(0, at), .. inserted, .. data.AsSpan(at)];
    }

    private byte[] CopyRange(byte[] data)
    {
        var from = Position(data.Length);
        var count = Math.Min(data.Length - from, 1 + random.Next(64));
        var to = random.Next(data.Length + 1);
        _steps.Add(string.Create(CultureInfo.InvariantCulture, $"copy {count} bytes from {from} to {to}"));
        return [.. data.AsSpan(0, to), .. data.AsSpan(from, count), .. data.AsSpan(to)];
    }

    // Half the positions fall in the first 64 bytes, where the headers are.
    private int Position(int length) => random.Next(2) == 0 ? random.Next(Math.Min(64, length)) : random.Next(length);

    // ---- PNG ----

    private byte[]? Png(byte[] data, long maxPixels)
    {
        var chunks = PngChunkList(data);
        if (chunks.Count == 0)
        {
            return null;
        }

        var pick = chunks[random.Next(chunks.Count)];
        switch (random.Next(11))
        {
            case 0:
            {
                var at = chunks[random.Next(chunks.Count)].Offset;
                _steps.Add(Invariant($"duplicate chunk {pick.Type}@{pick.Offset} before byte {at}"));
                return [.. data.AsSpan(0, at), .. data.AsSpan(pick.Offset, pick.Size), .. data.AsSpan(at)];
            }

            case 1:
                _steps.Add(Invariant($"remove chunk {pick.Type}@{pick.Offset}"));
                return [.. data.AsSpan(0, pick.Offset), .. data.AsSpan(pick.Offset + pick.Size)];

            case 2:
            {
                var other = chunks[random.Next(chunks.Count)];
                if (other.Offset == pick.Offset)
                {
                    return null;
                }

                var (first, second) = pick.Offset < other.Offset ? (pick, other) : (other, pick);
                _steps.Add(Invariant($"swap chunks {first.Type}@{first.Offset} and {second.Type}@{second.Offset}"));
                return
                [
                    .. data.AsSpan(0, first.Offset), .. data.AsSpan(second.Offset, second.Size),
                    .. data.AsSpan(first.Offset + first.Size, second.Offset - first.Offset - first.Size),
                    .. data.AsSpan(first.Offset, first.Size), .. data.AsSpan(second.Offset + second.Size),
                ];
            }

            case 3:
            {
                var copy = (byte[])data.Clone();
                var length = random.Next(3) switch
                {
                    0 => InterestingWords[random.Next(InterestingWords.Length)],
                    1 => (uint)Math.Max(0, pick.Length + random.Next(-8, 9)),
                    _ => (uint)random.Next(data.Length),
                };
                BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(pick.Offset), length);
                _steps.Add(Invariant($"set length of chunk {pick.Type}@{pick.Offset} to {length} (was {pick.Length})"));
                return copy;
            }

            case 4 or 5:
            {
                // Damage inside the chunk's data with its CRC made right: reaches libpng and zlib.
                if (pick.Length == 0)
                {
                    return null;
                }

                var copy = (byte[])data.Clone();
                var flips = 1 + random.Next(8);
                var at = new List<string>();
                for (var i = 0; i < flips; i++)
                {
                    var position = pick.Offset + 8 + random.Next(pick.Length);
                    var bit = random.Next(8);
                    copy[position] ^= (byte)(1 << bit);
                    at.Add(Invariant($"{position}.{bit}"));
                }

                FixPngCrc(copy, pick.Offset);
                _steps.Add($"flip bits {string.Join(", ", at)} inside chunk {pick.Type}@{pick.Offset}, CRC recomputed");
                return copy;
            }

            case 6:
            {
                if (data.Length < 33)
                {
                    return null;
                }

                // An IHDR field: bit depth, colour type, compression, filter or interlace method.
                var copy = (byte[])data.Clone();
                var field = random.Next(5);
                byte[] values = field switch
                {
                    0 => [0, 1, 2, 3, 4, 8, 16, 32],
                    1 => [0, 1, 2, 3, 4, 5, 6, 7],
                    _ => [0, 1, 2, 255],
                };
                copy[24 + field] = values[random.Next(values.Length)];
                FixPngCrc(copy, 8);
                string[] names = ["bit depth", "colour type", "compression", "filter", "interlace"];
                _steps.Add(Invariant($"IHDR {names[field]} = {copy[24 + field]}, CRC recomputed"));
                return copy;
            }

            case 7:
            {
                if (data.Length < 33)
                {
                    return null;
                }

                // A size within the limit that the data does not hold.
                var width = 1 + random.Next(128);
                var height = 1 + random.Next((int)Math.Min(128, maxPixels / width));
                return Declared(data, ImageFormat.Png, width, height);
            }

            case 8:
            {
                var type = PngChunkTypes[random.Next(PngChunkTypes.Length)];
                var body = new byte[random.Next(3) == 0 ? 0 : random.Next(1, 40)];
                random.NextBytes(body);
                var at = chunks[random.Next(chunks.Count)].Offset;
                _steps.Add(Invariant($"insert chunk {type} of {body.Length} random bytes before byte {at}"));
                return [.. data.AsSpan(0, at), .. PngChunk(type, body), .. data.AsSpan(at)];
            }

            case 9:
            {
                // Split an IDAT in two: still a valid PNG, exercising a run of IDAT chunks.
                if (pick.Type != "IDAT" || pick.Length < 2)
                {
                    return null;
                }

                var split = 1 + random.Next(pick.Length - 1);
                var body = data.AsSpan(pick.Offset + 8, pick.Length);
                _steps.Add(Invariant($"split IDAT@{pick.Offset} after {split} of its {pick.Length} bytes"));
                return
                [
                    .. data.AsSpan(0, pick.Offset), .. PngChunk("IDAT", body[..split]), .. PngChunk("IDAT", body[split..]),
                    .. data.AsSpan(pick.Offset + pick.Size),
                ];
            }

            default:
            {
                // Truncate inside the image data, then close the file properly: zlib sees a cut stream.
                var idat = chunks.FirstOrDefault(c => c.Type == "IDAT");
                if (idat.Type is null || idat.Length < 2)
                {
                    return null;
                }

                var keep = random.Next(idat.Length);
                _steps.Add(Invariant($"cut IDAT@{idat.Offset} to {keep} of {idat.Length} bytes and end with IEND"));
                return [.. data.AsSpan(0, idat.Offset), .. PngChunk("IDAT", data.AsSpan(idat.Offset + 8, keep)), .. PngChunk("IEND", [])];
            }
        }
    }

    private readonly record struct PngChunkInfo(int Offset, int Length, string Type)
    {
        public int Size => Length + 12;
    }

    private static List<PngChunkInfo> PngChunkList(byte[] data)
    {
        var chunks = new List<PngChunkInfo>();
        if (data.Length < 8 || !PngStructure.HasSignature(data))
        {
            return chunks;
        }

        for (var offset = 8; data.Length - offset >= 12;)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));
            if (length > (uint)(data.Length - offset - 12))
            {
                break;
            }

            chunks.Add(new PngChunkInfo(offset, (int)length, Encoding.ASCII.GetString(data, offset + 4, 4)));
            offset += 12 + (int)length;
        }

        return chunks;
    }

    private static byte[] PngChunk(string type, ReadOnlySpan<byte> body)
    {
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)body.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        body.CopyTo(chunk.AsSpan(8));
        FixPngCrc(chunk, 0);
        return chunk;
    }

    // Leaves a chunk whose length runs past the end as it is.
    private static void FixPngCrc(byte[] data, int chunkOffset)
    {
        var declared = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(chunkOffset));
        if (declared > (uint)(data.Length - chunkOffset - 12))
        {
            return;
        }

        var length = (int)declared;
        var crc = Crc32.Compute(data.AsSpan(chunkOffset + 4, 4), data.AsSpan(chunkOffset + 8, length));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(chunkOffset + 8 + length), crc);
    }

    public static byte[] FixAllPngCrcs(byte[] data)
    {
        var copy = (byte[])data.Clone();
        foreach (var chunk in PngChunkList(copy))
        {
            FixPngCrc(copy, chunk.Offset);
        }

        return copy;
    }

    // ---- JPEG ----

    private byte[]? Jpeg(byte[] data, long maxPixels)
    {
        var segments = JpegSegments(data);
        if (segments.Count < 2)
        {
            return null;
        }

        // Every segment but SOI at index 0.
        var pick = segments[1 + random.Next(segments.Count - 1)];
        switch (random.Next(10))
        {
            case 0:
            {
                var at = segments[1 + random.Next(segments.Count - 1)].Offset;
                _steps.Add(Invariant($"duplicate segment FF{pick.Marker:X2}@{pick.Offset} before byte {at}"));
                return [.. data.AsSpan(0, at), .. data.AsSpan(pick.Offset, pick.End - pick.Offset), .. data.AsSpan(at)];
            }

            case 1:
                _steps.Add(Invariant($"remove segment FF{pick.Marker:X2}@{pick.Offset}"));
                return [.. data.AsSpan(0, pick.Offset), .. data.AsSpan(pick.End)];

            case 2:
            {
                var other = segments[1 + random.Next(segments.Count - 1)];
                if (other.Offset == pick.Offset)
                {
                    return null;
                }

                var (first, second) = pick.Offset < other.Offset ? (pick, other) : (other, pick);
                _steps.Add(Invariant($"swap segments FF{first.Marker:X2}@{first.Offset} and FF{second.Marker:X2}@{second.Offset}"));
                return
                [
                    .. data.AsSpan(0, first.Offset), .. data.AsSpan(second.Offset, second.End - second.Offset),
                    .. data.AsSpan(first.End, second.Offset - first.End),
                    .. data.AsSpan(first.Offset, first.End - first.Offset), .. data.AsSpan(second.End),
                ];
            }

            case 3:
            {
                if (!pick.HasLength)
                {
                    return null;
                }

                var copy = (byte[])data.Clone();
                var old = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(pick.Offset + 2));
                var length = random.Next(2) == 0 ? (ushort)InterestingWords[random.Next(9)] : (ushort)Math.Clamp(old + random.Next(-6, 7), 0, 0xFFFF);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(pick.Offset + 2), length);
                _steps.Add(Invariant($"set length of segment FF{pick.Marker:X2}@{pick.Offset} to {length} (was {old})"));
                return copy;
            }

            case 4:
            {
                // Damage inside a header segment's body (tables, frame or scan header).
                if (!pick.HasLength || pick.HeaderEnd - pick.Offset <= 4)
                {
                    return null;
                }

                var copy = (byte[])data.Clone();
                var flips = 1 + random.Next(4);
                var at = new List<string>();
                for (var i = 0; i < flips; i++)
                {
                    var position = pick.Offset + 4 + random.Next(pick.HeaderEnd - pick.Offset - 4);
                    copy[position] = random.Next(2) == 0 ? (byte)(copy[position] ^ (1 << random.Next(8))) : (byte)random.Next(256);
                    at.Add(Invariant($"{position}={copy[position]:X2}"));
                }

                _steps.Add($"overwrite {string.Join(", ", at)} inside segment FF{pick.Marker:X2}@{pick.Offset}");
                return copy;
            }

            case 5:
            {
                // A frame header field: precision, component count, or one component's sampling factors or table.
                var frame = segments.FirstOrDefault(s => IsStartOfFrame(s.Marker));
                if (frame.End - frame.Offset < 13)
                {
                    return null;
                }

                var copy = (byte[])data.Clone();
                (string Name, int At, byte[] Values) field = random.Next(4) switch
                {
                    0 => ("precision", 4, [0, 1, 8, 12, 16, 255]),
                    1 => ("component count", 9, [0, 1, 2, 3, 4, 5, 255]),
                    2 => ("sampling factors of component 1", 11, [0x00, 0x11, 0x12, 0x21, 0x22, 0x44, 0x55, 0xFF]),
                    _ => ("quantization table of component 1", 12, [0, 1, 2, 3, 4, 255]),
                };
                copy[frame.Offset + field.At] = field.Values[random.Next(field.Values.Length)];
                _steps.Add(Invariant($"SOF FF{frame.Marker:X2} {field.Name} = {copy[frame.Offset + field.At]}"));
                return copy;
            }

            case 6:
            {
                var frame = segments.FirstOrDefault(s => IsStartOfFrame(s.Marker));
                if (frame.End - frame.Offset < 11)
                {
                    return null;
                }

                var width = 1 + random.Next(128);
                var height = random.Next(8) == 0 ? 0 : 1 + random.Next((int)Math.Min(128, maxPixels / width));
                return Declared(data, ImageFormat.Jpeg, width, height);
            }

            case 7:
            {
                // Damage in the entropy-coded data: flipped bits, a stray marker, a lost stuffing byte.
                var scan = segments.FirstOrDefault(s => s.Marker == 0xDA);
                if (scan.End - scan.HeaderEnd < 2)
                {
                    return null;
                }

                var at = scan.HeaderEnd + random.Next(scan.End - scan.HeaderEnd);
                switch (random.Next(3))
                {
                    case 0:
                    {
                        var copy = (byte[])data.Clone();
                        var bit = random.Next(8);
                        copy[at] ^= (byte)(1 << bit);
                        _steps.Add(Invariant($"flip bit {at}.{bit} in the scan data"));
                        return copy;
                    }

                    case 1:
                    {
                        byte[] markers = [0xD0, 0xD3, 0xD7, 0xD9, 0xC4, 0xDB, 0xDA, 0xDD, 0xFE, 0xC0, 0x01, 0xFF];
                        var marker = markers[random.Next(markers.Length)];
                        _steps.Add(Invariant($"insert marker FF{marker:X2} into the scan data at {at}"));
                        return [.. data.AsSpan(0, at), 0xFF, marker, .. data.AsSpan(at)];
                    }

                    default:
                    {
                        var stuffed = data.AsSpan(scan.HeaderEnd, scan.End - scan.HeaderEnd).IndexOf([(byte)0xFF, (byte)0x00]);
                        if (stuffed < 0)
                        {
                            return null;
                        }

                        var position = scan.HeaderEnd + stuffed + 1;
                        _steps.Add(Invariant($"remove the stuffed 00 at {position}"));
                        return [.. data.AsSpan(0, position), .. data.AsSpan(position + 1)];
                    }
                }
            }

            case 8:
            {
                // A new segment: a comment, an application segment, or a restart interval with no restart markers.
                var (marker, body) = random.Next(3) switch
                {
                    0 => ((byte)0xFE, RandomBytes(random.Next(0, 40))),
                    1 => ((byte)(0xE0 + random.Next(16)), RandomBytes(random.Next(0, 40))),
                    _ => ((byte)0xDD, new byte[] { 0, (byte)(1 + random.Next(8)) }),
                };
                var at = segments[1 + random.Next(segments.Count - 1)].Offset;
                var segment = new byte[4 + body.Length];
                segment[0] = 0xFF;
                segment[1] = marker;
                BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(body.Length + 2));
                body.CopyTo(segment, 4);
                _steps.Add(Invariant($"insert segment FF{marker:X2} with {Convert.ToHexString(body)} before byte {at}"));
                return [.. data.AsSpan(0, at), .. segment, .. data.AsSpan(at)];
            }

            default:
            {
                // Cut the scan short and end the file properly: libjpeg runs out of data mid-image.
                var scan = segments.FirstOrDefault(s => s.Marker == 0xDA);
                if (scan.End - scan.HeaderEnd < 2)
                {
                    return null;
                }

                var cut = scan.HeaderEnd + random.Next(scan.End - scan.HeaderEnd);
                _steps.Add(Invariant($"cut the scan data at {cut} and end with EOI"));
                return [.. data.AsSpan(0, cut), 0xFF, 0xD9];
            }
        }
    }

    /// <summary>A marker segment: where it starts, where its header ends, and (for SOS) where its scan data ends.</summary>
    private readonly record struct JpegSegment(int Offset, int HeaderEnd, int End, byte Marker)
    {
        public bool HasLength => HeaderEnd - Offset >= 4;
    }

    private static List<JpegSegment> JpegSegments(byte[] data)
    {
        var segments = new List<JpegSegment>();
        if (data.Length < 2 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return segments;
        }

        segments.Add(new JpegSegment(0, 2, 2, 0xD8));
        var offset = 2;
        while (offset + 1 < data.Length && data[offset] == 0xFF)
        {
            var start = offset;
            while (offset < data.Length && data[offset] == 0xFF)
            {
                offset++;
            }

            if (offset >= data.Length)
            {
                break;
            }

            var marker = data[offset++];
            if (marker is 0xD8 or 0xD9 or 0x01 or >= 0xD0 and <= 0xD7)
            {
                segments.Add(new JpegSegment(start, offset, offset, marker));
                if (marker == 0xD9)
                {
                    break;
                }

                continue;
            }

            if (offset + 2 > data.Length)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset));
            if (length < 2 || offset + length > data.Length)
            {
                break;
            }

            var headerEnd = offset + length;
            var end = headerEnd;
            if (marker == 0xDA)
            {
                // Scan data runs to the first marker that is neither a stuffed 00 nor a restart.
                while (end + 1 < data.Length && !(data[end] == 0xFF && data[end + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                {
                    end++;
                }

                if (end + 1 >= data.Length)
                {
                    break;
                }
            }

            segments.Add(new JpegSegment(start, headerEnd, end, marker));
            offset = end;
        }

        return segments;
    }

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    // ---- TIFF ----

    private byte[]? Tiff(byte[] data, long maxPixels)
    {
        var tiff = TiffDirectory.Parse(data);
        if (tiff is null || tiff.Entries.Count == 0)
        {
            return null;
        }

        var copy = (byte[])data.Clone();
        var pick = tiff.Entries[random.Next(tiff.Entries.Count)];
        switch (random.Next(7))
        {
            case 0 or 1:
            {
                // A field the decoder acts on, with values it may or may not support.
                (ushort Tag, uint[] Values)[] fields =
                [
                    (258, [0, 1, 2, 4, 8, 12, 16, 32, 64, 0xFFFF]), // BitsPerSample
                    (259, [0, 1, 2, 5, 7, 8, 32773, 34712, 50000]), // Compression
                    (262, [0, 1, 2, 3, 4, 5, 6, 8, 32844]), // PhotometricInterpretation
                    (273, [0, 1, 8, (uint)data.Length - 1, (uint)data.Length, 0xFFFFFFF0]), // StripOffsets
                    (277, [0, 1, 2, 3, 4, 5, 255, 0xFFFF]), // SamplesPerPixel
                    (278, [0, 1, 2, 7, 0xFFFF, 0xFFFFFFFF]), // RowsPerStrip
                    (279, [0, 1, 100, (uint)data.Length, 0x7FFFFFFF, 0xFFFFFFFF]), // StripByteCounts
                    (284, [0, 1, 2, 3]), // PlanarConfiguration
                    (317, [0, 1, 2, 3, 5]), // Predictor
                    (338, [0, 1, 2, 3]), // ExtraSamples
                    (339, [0, 1, 2, 3, 4, 5]), // SampleFormat
                ];
                var (tag, values) = fields[random.Next(fields.Length)];
                var entry = tiff.Entries.FirstOrDefault(e => e.Tag == tag);
                if (entry.Tag != tag)
                {
                    return null;
                }

                var value = values[random.Next(values.Length)];
                tiff.Write(copy, entry with { Type = value > 0xFFFF ? (ushort)4 : entry.Type, Count = 1, Value = value });
                _steps.Add(Invariant($"TIFF tag {tag} = {value} (count 1)"));
                return copy;
            }

            case 2:
            {
                // Any field of one entry: its tag, type, count or value.
                var which = random.Next(4);
                var word = InterestingWords[random.Next(InterestingWords.Length)];
                var changed = which switch
                {
                    0 => pick with { Tag = (ushort)(random.Next(2) == 0 ? word : (uint)random.Next(254, 350)) },
                    1 => pick with { Type = (ushort)random.Next(0, 20) },
                    2 => pick with { Count = random.Next(2) == 0 ? word : (uint)random.Next(0, 64) },
                    _ => pick with { Value = random.Next(2) == 0 ? word : (uint)random.Next(data.Length + 16) },
                };
                tiff.Write(copy, changed);
                _steps.Add(Invariant($"TIFF entry {pick.Index} (tag {pick.Tag}) becomes tag {changed.Tag} type {changed.Type} count {changed.Count} value {changed.Value}"));
                return copy;
            }

            case 3:
            {
                // Remove, duplicate or swap directory entries (the count follows, the order may break).
                var other = tiff.Entries[random.Next(tiff.Entries.Count)];
                switch (random.Next(3))
                {
                    case 0:
                        tiff.Write(copy, other with { Index = pick.Index });
                        tiff.Write(copy, pick with { Index = other.Index });
                        _steps.Add(Invariant($"swap TIFF entries {pick.Index} (tag {pick.Tag}) and {other.Index} (tag {other.Tag})"));
                        return copy;
                    case 1:
                        tiff.Write(copy, other with { Index = pick.Index });
                        _steps.Add(Invariant($"TIFF entry {pick.Index} (tag {pick.Tag}) replaced by a copy of entry {other.Index} (tag {other.Tag})"));
                        return copy;
                    default:
                        tiff.WriteCount(copy, (ushort)(tiff.Entries.Count - 1));
                        _steps.Add(Invariant($"TIFF directory count {tiff.Entries.Count - 1} (the last entry, tag {tiff.Entries[^1].Tag}, is dropped)"));
                        return copy;
                }
            }

            case 4:
            {
                var value = random.Next(3) switch
                {
                    0 => InterestingWords[random.Next(InterestingWords.Length)],
                    1 => (uint)random.Next(data.Length),
                    _ => (uint)tiff.Offset,
                };
                var (field, at) = random.Next(3) switch
                {
                    0 => ("first directory offset", 4),
                    1 => ("directory entry count", -1),
                    _ => ("next directory offset", tiff.Offset + 2 + (tiff.Entries.Count * 12)),
                };
                if (at < 0)
                {
                    tiff.WriteCount(copy, (ushort)value);
                }
                else if (at + 4 <= copy.Length)
                {
                    tiff.WriteU32(copy, at, value);
                }
                else
                {
                    return null;
                }

                _steps.Add(Invariant($"TIFF {field} = {value}"));
                return copy;
            }

            case 5:
            {
                var width = 1 + random.Next(128);
                var height = 1 + random.Next((int)Math.Min(128, maxPixels / width));
                return Declared(data, ImageFormat.Tiff, width, height);
            }

            default:
            {
                // Damage inside the strip data (compressed with LZW or deflate, or raw).
                var offsets = tiff.Entries.FirstOrDefault(e => e.Tag == 273);
                if (offsets.Tag != 273 || offsets.Count != 1 || offsets.Value >= (uint)copy.Length)
                {
                    return null;
                }

                var position = (int)offsets.Value + random.Next(copy.Length - (int)offsets.Value);
                copy[position] = (byte)random.Next(256);
                _steps.Add(Invariant($"overwrite strip byte {position} with {copy[position]:X2}"));
                return copy;
            }
        }
    }

    private readonly record struct TiffEntry(int Index, ushort Tag, ushort Type, uint Count, uint Value);

    /// <summary>The first directory of a classic TIFF, to patch its entries.</summary>
    private sealed class TiffDirectory
    {
        private TiffDirectory(bool bigEndian, int offset, List<TiffEntry> entries)
        {
            BigEndian = bigEndian;
            Offset = offset;
            Entries = entries;
        }

        public bool BigEndian { get; }

        public int Offset { get; }

        public List<TiffEntry> Entries { get; }

        public static TiffDirectory? Parse(byte[] data)
        {
            if (data.Length < 8 || !TiffStructure.HasSignature(data) || data[2 + (data[0] == 'M' ? 1 : 0)] != 42)
            {
                return null;
            }

            var bigEndian = data[0] == 'M';
            var offset = ReadU32(data, 4, bigEndian);
            if (offset > (uint)data.Length - 2)
            {
                return null;
            }

            var count = ReadU16(data, (int)offset, bigEndian);
            var entries = new List<TiffEntry>();
            for (var i = 0; i < count && offset + 2 + ((i + 1) * 12) <= data.Length; i++)
            {
                var at = (int)offset + 2 + (i * 12);
                var type = ReadU16(data, at + 2, bigEndian);
                var count1 = ReadU32(data, at + 4, bigEndian);
                // A SHORT that fits is left-justified in the value field.
                var value = type == 3 && count1 == 1 ? ReadU16(data, at + 8, bigEndian) : ReadU32(data, at + 8, bigEndian);
                entries.Add(new TiffEntry(i, ReadU16(data, at, bigEndian), type, count1, value));
            }

            return new TiffDirectory(bigEndian, (int)offset, entries);
        }

        public void Write(byte[] data, TiffEntry entry)
        {
            var at = Offset + 2 + (entry.Index * 12);
            WriteU16(data, at, entry.Tag);
            WriteU16(data, at + 2, entry.Type);
            WriteU32(data, at + 4, entry.Count);
            if (entry.Type == 3 && entry.Count == 1)
            {
                WriteU16(data, at + 8, (ushort)entry.Value);
                WriteU16(data, at + 10, 0);
            }
            else
            {
                WriteU32(data, at + 8, entry.Value);
            }
        }

        public void WriteCount(byte[] data, ushort count) => WriteU16(data, Offset, count);

        public void WriteU32(byte[] data, int at, uint value)
        {
            if (BigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), value);
            }
        }

        private void WriteU16(byte[] data, int at, ushort value)
        {
            if (BigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), value);
            }
        }

        private static ushort ReadU16(byte[] data, int at, bool bigEndian) => bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at))
            : BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at));

        private static uint ReadU32(byte[] data, int at, bool bigEndian) => bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at))
            : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
    }

    // ---- WebP ----

    private byte[]? Webp(byte[] data, long maxPixels)
    {
        var chunks = RiffChunks(data);
        if (chunks.Count == 0)
        {
            return null;
        }

        var pick = chunks[random.Next(chunks.Count)];
        switch (random.Next(7))
        {
            case 0:
                _steps.Add(Invariant($"duplicate RIFF chunk {pick.Type}@{pick.Offset} (RIFF size kept right)"));
                return WithRiffSize([.. data.AsSpan(0, pick.End), .. data.AsSpan(pick.Offset, pick.End - pick.Offset), .. data.AsSpan(pick.End)]);

            case 1:
                _steps.Add(Invariant($"remove RIFF chunk {pick.Type}@{pick.Offset} (RIFF size kept right)"));
                return WithRiffSize([.. data.AsSpan(0, pick.Offset), .. data.AsSpan(pick.End)]);

            case 2:
            {
                if (chunks.Count < 2)
                {
                    return null;
                }

                var (first, second) = (chunks[0], chunks[1]);
                _steps.Add(Invariant($"swap RIFF chunks {first.Type} and {second.Type}"));
                return
                [
                    .. data.AsSpan(0, first.Offset), .. data.AsSpan(second.Offset, second.End - second.Offset),
                    .. data.AsSpan(first.Offset, first.End - first.Offset), .. data.AsSpan(second.End),
                ];
            }

            case 3:
            {
                var copy = (byte[])data.Clone();
                var (name, at, old) = random.Next(3) == 0
                    ? ("RIFF size", 4, BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(4)))
                    : ($"size of chunk {pick.Type}@{pick.Offset}", pick.Offset + 4, (uint)pick.Size);
                var size = random.Next(2) == 0 ? InterestingWords[random.Next(InterestingWords.Length)] : (uint)Math.Max(0, old + random.Next(-8, 9));
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at), size);
                _steps.Add(Invariant($"{name} = {size} (was {old})"));
                return copy;
            }

            case 4:
            {
                // Damage inside a chunk's payload: the bitstream's headers and partitions.
                if (pick.Size == 0)
                {
                    return null;
                }

                var copy = (byte[])data.Clone();
                var flips = 1 + random.Next(6);
                var at = new List<string>();
                for (var i = 0; i < flips; i++)
                {
                    var position = pick.Offset + 8 + (random.Next(2) == 0 ? random.Next(Math.Min(16, pick.Size)) : random.Next(pick.Size));
                    var bit = random.Next(8);
                    copy[position] ^= (byte)(1 << bit);
                    at.Add(Invariant($"{position}.{bit}"));
                }

                _steps.Add($"flip bits {string.Join(", ", at)} inside chunk {pick.Type}@{pick.Offset}");
                return copy;
            }

            case 5:
            {
                var width = 1 + random.Next(128);
                var height = 1 + random.Next((int)Math.Min(128, maxPixels / width));
                return Declared(data, ImageFormat.WebP, width, height);
            }

            default:
            {
                // The VP8X flags: alpha, animation, ICC, EXIF, XMP.
                if (pick.Type != "VP8X" || pick.Size < 1)
                {
                    return null;
                }

                var copy = (byte[])data.Clone();
                copy[pick.Offset + 8] = (byte)random.Next(256);
                _steps.Add(Invariant($"VP8X flags = {copy[pick.Offset + 8]:X2}"));
                return copy;
            }
        }
    }

    private readonly record struct RiffChunk(int Offset, int Size, string Type)
    {
        public int End => Offset + 8 + Size + (Size & 1);
    }

    private static List<RiffChunk> RiffChunks(byte[] data)
    {
        var chunks = new List<RiffChunk>();
        if (!WebpStructure.HasSignature(data))
        {
            return chunks;
        }

        for (var offset = 12; offset + 8 <= data.Length;)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 4));
            var chunk = new RiffChunk(offset, (int)Math.Min(size, int.MaxValue), Encoding.ASCII.GetString(data, offset, 4));
            if (size > int.MaxValue - 16 || chunk.End > data.Length)
            {
                break;
            }

            chunks.Add(chunk);
            offset = chunk.End;
        }

        return chunks;
    }

    private static byte[] WithRiffSize(byte[] data)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), (uint)(data.Length - 8));
        return data;
    }

    // ---- BMP ----

    private byte[]? Bmp(byte[] data, long maxPixels)
    {
        if (data.Length < 54)
        {
            return null;
        }

        var copy = (byte[])data.Clone();
        if (random.Next(4) == 0)
        {
            var width = 1 + random.Next(128);
            var height = 1 + random.Next((int)Math.Min(128, maxPixels / width));
            if (random.Next(2) == 0)
            {
                height = -height; // top-down rows
            }

            return Declared(data, ImageFormat.Bmp, width, height);
        }

        (string Name, int At, int Size, uint[] Values)[] fields =
        [
            ("file size", 2, 4, [0, 1, (uint)data.Length * 2, 0xFFFFFFFF]),
            ("pixel data offset", 10, 4, [0, 14, 54, (uint)data.Length - 1, (uint)data.Length, 0xFFFFFFFF]),
            ("DIB header size", 14, 4, [0, 12, 16, 36, 40, 52, 56, 64, 108, 124, 0xFFFF]),
            ("planes", 26, 2, [0, 1, 2, 0xFFFF]),
            ("bits per pixel", 28, 2, [0, 1, 2, 4, 8, 15, 16, 24, 32, 64, 0xFFFF]),
            ("compression", 30, 4, [0, 1, 2, 3, 4, 5, 6, 11, 0xFFFFFFFF]),
            ("image size", 34, 4, [0, 1, (uint)data.Length, 0xFFFFFFFF]),
            ("colours used", 46, 4, [0, 1, 2, 16, 255, 256, 257, 0x10000, 0xFFFFFFFF]),
            ("important colours", 50, 4, [0, 1, 256, 0xFFFFFFFF]),
        ];
        var field = fields[random.Next(fields.Length)];
        var value = field.Values[random.Next(field.Values.Length)];
        if (field.Size == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(field.At), (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(field.At), value);
        }

        _steps.Add(Invariant($"BMP {field.Name} = {value}"));
        return copy;
    }

    // ---- Helpers ----

    // A size within the limit that the data does not hold.
    private byte[]? Declared(byte[] data, ImageFormat format, long width, long height)
    {
        var declared = DeclareSize(data, format, width, height);
        if (declared is not null)
        {
            _steps.Add(Invariant($"header declares {width}x{height} (within the limit)"));
        }

        return declared;
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void WriteUInt24(Span<byte> data, int value)
    {
        data[0] = (byte)value;
        data[1] = (byte)(value >> 8);
        data[2] = (byte)(value >> 16);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
