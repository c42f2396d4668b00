using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Augment.Core.Config;

/// <summary>
/// Reads YAML into <see cref="ConfigNode"/>s from YamlDotNet's event parser (the representation
/// model loses positions on some syntax errors). Plain scalars that read as numbers, booleans or null
/// get those kinds; quoted scalars are always strings. Anchors and aliases are not supported.
/// </summary>
internal sealed class YamlNodeReader
{
    private readonly IParser _parser;
    private readonly string _filePath;
    private readonly string _text;

    // The collections being read, innermost last: an unterminated flow collection is reported where it opens.
    private readonly Stack<(Mark Start, bool Flow)> _open = new();
    private Mark _lastGood = Mark.Empty;

    private YamlNodeReader(string text, string filePath)
    {
        _parser = new Parser(new StringReader(text));
        _filePath = filePath;
        _text = text;
    }

    public static ConfigNode? Read(string text, string filePath) => new YamlNodeReader(text, filePath).ReadDocument();

    private ConfigNode? ReadDocument()
    {
        try
        {
            Expect<StreamStart>();
            if (Peek() is StreamEnd)
            {
                return null;
            }

            Expect<DocumentStart>();
            var root = ReadNode();
            Expect<DocumentEnd>();
            if (Peek() is not StreamEnd)
            {
                throw Error(_parser.Current!.Start, "a config holds one YAML document; found a second one");
            }

            return root;
        }
        catch (YamlException e) when (e.Message.Contains(" tab ", StringComparison.Ordinal) && FirstTabIndent(e.Start) is { } tab)
        {
            throw Error(tab, "invalid YAML: a tab in the indentation (indent with spaces)", e);
        }
        catch (YamlException e) when (e.Message.Contains("flow", StringComparison.Ordinal) && AtEnd(e.Start) && OpenFlow() is { } open)
        {
            throw Error(open, $"invalid YAML: the {Describe(open)} that starts here is unterminated ({Clean(e.Message)})", e);
        }
        catch (YamlException e)
        {
            throw Error(e.Start, $"invalid YAML: {Clean(e.Message)}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections ("[1, 2").
            var at = OpenFlow() ?? _lastGood;
            throw Error(at, $"invalid YAML: the {Describe(at)} that starts here is unterminated", e);
        }
    }

    private ConfigNode ReadNode()
    {
        var next = Peek();
        switch (next)
        {
            case Scalar scalar:
                Next();
                return new ScalarNode(ToMark(scalar.Start), scalar.Value, KindOf(scalar));
            case SequenceStart start:
                {
                    _open.Push((start.Start, start.Style == SequenceStyle.Flow));
                    Next();
                    var items = new List<ConfigNode>();
                    while (Peek() is not SequenceEnd)
                    {
                        items.Add(ReadNode());
                    }

                    Next();
                    _open.Pop();
                    return new SequenceNode(ToMark(start.Start), items);
                }

            case MappingStart start:
                {
                    _open.Push((start.Start, start.Style == MappingStyle.Flow));
                    Next();
                    var entries = new List<MappingEntry>();
                    while (Peek() is not MappingEnd)
                    {
                        if (ReadNode() is not ScalarNode key)
                        {
                            throw Error(next.Start, "a mapping's keys must be plain names");
                        }

                        if (entries.Any(e => e.Key.Text == key.Text))
                        {
                            throw new ConfigException(ConfigErrorCode.DuplicateKey, _filePath, key.Mark, $"duplicate key '{key.Text}'");
                        }

                        entries.Add(new MappingEntry(key, ReadNode()));
                    }

                    Next();
                    _open.Pop();
                    return new MappingNode(ToMark(start.Start), entries);
                }

            case AnchorAlias alias:
                throw Error(alias.Start, "YAML aliases (*name) are not supported in augment.yaml");
            default:
                throw Error(next.Start, $"unexpected YAML {next.GetType().Name}");
        }
    }

    // YamlDotNet reports a collection left open at the end of the file past the last line.
    private bool AtEnd(Mark mark) => mark.Index >= _text.TrimEnd().Length;

    private Mark? OpenFlow() => _open.Where(o => o.Flow).Select(o => (Mark?)o.Start).FirstOrDefault();

    private string Describe(Mark at)
    {
        var offset = (int)Math.Clamp(at.Index, 0, Math.Max(0, _text.Length - 1));
        return _text.Length > 0 && _text[offset] == '{' ? "{mapping}" : "[list]";
    }

    // YamlDotNet reports a tab in the indentation at the enclosing mapping; the line of the tab helps more.
    private Mark? FirstTabIndent(Mark from)
    {
        var lines = _text.Split('\n');
        for (var i = (int)Math.Max(0, from.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return null;
    }

    private static ScalarKind KindOf(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }

        return scalar.Value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ when double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => ScalarKind.Number,
            _ => ScalarKind.String,
        };
    }

    private ParsingEvent Peek()
    {
        if (_parser.Current is null && !_parser.MoveNext())
        {
            throw Error(_lastGood, "invalid YAML: unexpected end of file");
        }

        return _parser.Current!;
    }

    private void Next()
    {
        _lastGood = _parser.Current?.Start ?? _lastGood;
        _parser.MoveNext();
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (Peek() is not T)
        {
            throw Error(Peek().Start, $"invalid YAML: expected {typeof(T).Name}");
        }

        Next();
    }

    private static SourceMark ToMark(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private ConfigException Error(Mark mark, string problem, Exception? inner = null) =>
        new(ConfigErrorCode.Syntax, _filePath, ToMark(mark), problem, inner);

    // YamlDotNet's messages repeat the position: "(Line: 2, Col: 4, Idx: 9) - (Line: ...): While scanning ...".
    private static string Clean(string message)
    {
        var at = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = at >= 0 ? message[(at + 3)..] : message;
        return text.TrimEnd('.').Replace("While ", "while ", StringComparison.Ordinal);
    }
}
