using System.Globalization;
using System.Text;

namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>
/// Parses the emulator's SOQL subset: <c>SELECT path|(subquery), … FROM object [WHERE cond] [ORDER BY path [ASC|DESC], …]
/// [LIMIT n]</c>; conditions with AND / OR / NOT / parentheses, = != &lt;&gt; &lt; &lt;= &gt; &gt;= LIKE, IN / NOT IN
/// with value lists or a semi-join; literals: quoted strings (backslash escapes), numbers, true/false/null, unquoted
/// dateTime (<c>2026-01-01T00:00:00Z</c>) and date (<c>2026-01-01</c>) literals. Everything else is MALFORMED_QUERY.
/// </summary>
internal sealed class SoqlParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "ASC", "DESC", "LIMIT", "NULLS", "FIRST", "LAST",
    };

    private readonly List<SoqlToken> _tokens;
    private int _position;

    private SoqlParser(List<SoqlToken> tokens) => _tokens = tokens;

    public static SoqlQuery Parse(string soql)
    {
        var parser = new SoqlParser(Tokenize(soql));
        var query = parser.ParseQuery();
        parser.Expect(SoqlTokenKind.End);
        return query;
    }

    private SoqlToken Peek => _tokens[_position];

    private SoqlQuery ParseQuery()
    {
        ExpectKeyword("SELECT");
        var select = new List<SoqlSelectItem>();
        do
        {
            if (TrySymbol("("))
            {
                select.Add(new SoqlSelectItem(null, ParseQuery()));
                ExpectSymbol(")");
            }
            else
            {
                select.Add(new SoqlSelectItem(ParsePath(), null));
            }
        }
        while (TrySymbol(","));

        ExpectKeyword("FROM");
        var from = ParsePath();
        SoqlCondition? where = null;
        if (TryKeyword("WHERE"))
        {
            where = ParseOr();
        }

        var order = new List<(string, bool)>();
        if (TryKeyword("ORDER"))
        {
            ExpectKeyword("BY");
            do
            {
                var path = ParsePath();
                var descending = TryKeyword("DESC");
                if (!descending)
                {
                    TryKeyword("ASC");
                }

                if (TryKeyword("NULLS") && !TryKeyword("FIRST"))
                {
                    ExpectKeyword("LAST");
                }

                order.Add((path, descending));
            }
            while (TrySymbol(","));
        }

        int? limit = null;
        if (TryKeyword("LIMIT"))
        {
            var token = Next();
            limit = token.Value is decimal d ? (int)d : throw new SoqlSyntaxException("LIMIT needs a number.");
        }

        return new SoqlQuery(select, from, where, order, limit);
    }

    private SoqlCondition ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("OR"))
        {
            left = new SoqlOr(left, ParseAnd());
        }

        return left;
    }

    private SoqlCondition ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("AND"))
        {
            left = new SoqlAnd(left, ParseUnary());
        }

        return left;
    }

    private SoqlCondition ParseUnary()
    {
        if (TryKeyword("NOT"))
        {
            return new SoqlNot(ParseUnary());
        }

        if (TrySymbol("("))
        {
            var inner = ParseOr();
            ExpectSymbol(")");
            return inner;
        }

        var path = ParsePath();
        var negated = TryKeyword("NOT");
        if (TryKeyword("IN"))
        {
            ExpectSymbol("(");
            if (Peek is { Kind: SoqlTokenKind.Identifier } t && t.Text.Equals("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                var sub = ParseQuery();
                ExpectSymbol(")");
                return new SoqlIn(path, negated, [], sub);
            }

            var values = new List<object?>();
            do
            {
                values.Add(ParseLiteral());
            }
            while (TrySymbol(","));

            ExpectSymbol(")");
            return new SoqlIn(path, negated, values, null);
        }

        if (negated)
        {
            throw new SoqlSyntaxException("NOT must be followed by IN here.");
        }

        if (TryKeyword("LIKE"))
        {
            return new SoqlComparison(path, "LIKE", ParseLiteral());
        }

        var op = Next();
        if (op.Kind != SoqlTokenKind.Symbol || op.Text is not ("=" or "!=" or "<>" or "<" or "<=" or ">" or ">="))
        {
            throw new SoqlSyntaxException("Unexpected token '" + op.Text + "' after " + path + ".");
        }

        return new SoqlComparison(path, op.Text == "<>" ? "!=" : op.Text, ParseLiteral());
    }

    private object? ParseLiteral()
    {
        var token = Next();
        return token.Kind switch
        {
            SoqlTokenKind.Literal => token.Value,
            SoqlTokenKind.Identifier when token.Text.Equals("null", StringComparison.OrdinalIgnoreCase) => null,
            SoqlTokenKind.Identifier when token.Text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            SoqlTokenKind.Identifier when token.Text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new SoqlSyntaxException("Expected a value, found '" + token.Text + "'."),
        };
    }

    private string ParsePath()
    {
        var token = Next();
        if (token.Kind != SoqlTokenKind.Identifier || Keywords.Contains(token.Text))
        {
            throw new SoqlSyntaxException("Expected a field or object name, found '" + token.Text + "'.");
        }

        return token.Text;
    }

    private SoqlToken Next()
    {
        var token = _tokens[_position];
        if (token.Kind != SoqlTokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private bool TryKeyword(string keyword)
    {
        if (Peek.Kind == SoqlTokenKind.Identifier && Peek.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool TrySymbol(string symbol)
    {
        if (Peek.Kind == SoqlTokenKind.Symbol && Peek.Text == symbol)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw new SoqlSyntaxException("Expected " + keyword + ", found '" + Peek.Text + "'.");
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TrySymbol(symbol))
        {
            throw new SoqlSyntaxException("Expected '" + symbol + "', found '" + Peek.Text + "'.");
        }
    }

    private void Expect(SoqlTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            throw new SoqlSyntaxException("Unexpected '" + Peek.Text + "' at the end of the query.");
        }
    }

    private static List<SoqlToken> Tokenize(string text)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or ':' or '-' or '+'))
                {
                    i++;
                }

                tokens.Add(ReadNumberOrDate(text[start..i]));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Identifier, text[start..i]));
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.Symbol, c.ToString()));
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                var op = two is "!=" or "<=" or ">=" or "<>" ? two : c.ToString();
                if (op == "!")
                {
                    throw new SoqlSyntaxException("Unexpected '!'.");
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Symbol, op));
                i += op.Length;
            }
            else
            {
                throw new SoqlSyntaxException("Unexpected character '" + c + "'.");
            }
        }

        tokens.Add(new SoqlToken(SoqlTokenKind.End, "<end>"));
        return tokens;
    }

    private static SoqlToken ReadString(string text, ref int i)
    {
        var sb = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new SoqlSyntaxException("Unterminated string literal.");
            }

            var c = text[i++];
            if (c == '\'')
            {
                return new SoqlToken(SoqlTokenKind.Literal, "'" + sb + "'", sb.ToString());
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i >= text.Length)
            {
                throw new SoqlSyntaxException("Unterminated escape.");
            }

            var e = text[i++];
            sb.Append(e switch
            {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'b' => '\b',
                'f' => '\f',
                '\\' or '\'' or '"' or '%' or '_' => e,
                _ => throw new SoqlSyntaxException("Invalid escape '\\" + e + "'."),
            });
        }
    }

    private static SoqlToken ReadNumberOrDate(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new SoqlToken(SoqlTokenKind.Literal, text, number);
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && (text.EndsWith('Z') || text[^6] is '+' or '-'))
        {
            return new SoqlToken(SoqlTokenKind.Literal, text, instant.ToUniversalTime());
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new SoqlToken(SoqlTokenKind.Literal, text, new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        throw new SoqlSyntaxException("Invalid literal '" + text + "'.");
    }
}
