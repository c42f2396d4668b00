using System.Globalization;
using Newtonsoft.Json;

namespace Augment.Core.Config;

/// <summary>
/// Reads augment.json into <see cref="ConfigNode"/>s with Newtonsoft.Json's reader. The reader
/// reports where a token ends; a token's start is found by scanning forward from the end of the
/// previous token past white space, commas and colons, which gives exact columns.
/// </summary>
internal sealed class JsonNodeReader
{
    private readonly JsonTextReader _reader;
    private readonly string _filePath;
    private readonly int[] _lineStarts;
    private readonly string _text;
    private int _previousEnd;

    private JsonNodeReader(string text, string filePath)
    {
        _text = text;
        _filePath = filePath;
        _reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public static ConfigNode? Read(string text, string filePath) => new JsonNodeReader(text, filePath).ReadDocument();

    private ConfigNode? ReadDocument()
    {
        try
        {
            if (!Advance())
            {
                return null;
            }

            var root = ReadNode();
            if (_reader.Read())
            {
                throw new ConfigException(ConfigErrorCode.Syntax, _filePath, StartOfCurrent(), "invalid JSON: text after the end of the document");
            }

            return root;
        }
        catch (JsonReaderException e)
        {
            var mark = new SourceMark(Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition));
            throw new ConfigException(ConfigErrorCode.Syntax, _filePath, mark, $"invalid JSON: {Clean(e.Message)}", e);
        }
    }

    // The reader sits on the node's first token.
    private ConfigNode ReadNode()
    {
        var mark = StartOfCurrent();
        switch (_reader.TokenType)
        {
            case JsonToken.StartObject:
                {
                    var entries = new List<MappingEntry>();
                    while (Advance() && _reader.TokenType == JsonToken.PropertyName)
                    {
                        var key = new ScalarNode(StartOfCurrent(), (string)_reader.Value!, ScalarKind.String);
                        if (entries.Any(e => e.Key.Text == key.Text))
                        {
                            throw new ConfigException(ConfigErrorCode.DuplicateKey, _filePath, key.Mark, $"duplicate key '{key.Text}'");
                        }

                        Advance();
                        entries.Add(new MappingEntry(key, ReadNode()));
                    }

                    return new MappingNode(mark, entries);
                }

            case JsonToken.StartArray:
                {
                    var items = new List<ConfigNode>();
                    while (Advance() && _reader.TokenType != JsonToken.EndArray)
                    {
                        items.Add(ReadNode());
                    }

                    return new SequenceNode(mark, items);
                }

            case JsonToken.Integer or JsonToken.Float:
                return new ScalarNode(mark, Convert.ToString(_reader.Value, CultureInfo.InvariantCulture)!, ScalarKind.Number);
            case JsonToken.Boolean:
                return new ScalarNode(mark, (bool)_reader.Value! ? "true" : "false", ScalarKind.Boolean);
            case JsonToken.Null:
                return new ScalarNode(mark, string.Empty, ScalarKind.Null);
            case JsonToken.String:
                return new ScalarNode(mark, (string)_reader.Value!, ScalarKind.String);
            default:
                throw new ConfigException(ConfigErrorCode.Syntax, _filePath, mark, $"invalid JSON: unexpected {_reader.TokenType}");
        }
    }

    // Moves to the next token that is not a comment, remembering where the previous one ended.
    private bool Advance()
    {
        _previousEnd = _reader.LineNumber == 0 ? 0 : OffsetOf(_reader.LineNumber, _reader.LinePosition);
        while (_reader.Read())
        {
            if (_reader.TokenType != JsonToken.Comment)
            {
                return true;
            }

            _previousEnd = OffsetOf(_reader.LineNumber, _reader.LinePosition);
        }

        return false;
    }

    private SourceMark StartOfCurrent()
    {
        var at = _previousEnd;
        while (at < _text.Length && (char.IsWhiteSpace(_text[at]) || _text[at] is ',' or ':'))
        {
            at++;
        }

        var line = Array.BinarySearch(_lineStarts, at);
        line = line >= 0 ? line : ~line - 1;
        return new SourceMark(line + 1, at - _lineStarts[line] + 1);
    }

    // Newtonsoft's (line, position) is 1-based with the position at the token's last character.
    private int OffsetOf(int line, int position) =>
        Math.Min(_text.Length, _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)] + position);

    // Newtonsoft's messages end with "Path 'a', line 1, position 9."; the position is reported separately.
    private static string Clean(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).TrimEnd('.');
    }
}
