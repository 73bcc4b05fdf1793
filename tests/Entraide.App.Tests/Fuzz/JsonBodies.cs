using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace Entraide.App.Tests.Fuzz;

/// <summary>
/// Generates JSON bodies, as raw text, from an OpenAPI schema: mostly the shape the schema asks for, with
/// hostile values mixed in — nulls (also inside lists), wrong types, huge or non-finite numbers, deep
/// nesting, NUL and other control characters, bidirectional overrides, lone surrogates, very long text.
/// </summary>
internal sealed class JsonBodies(JsonElement document)
{
    private const int MaxDepth = 5;

    private static readonly string[] Strings =
    [
        "\"\"", "\"x\"", "\"FRA\"", "\"fr\"", "\"en\"", "\"*\"", "\"mla\"", "\"2024-01-01\"", "\"https://cms.example/hook\"",
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u202Eexe.pdf\"", "\"\\u2066x\\u2069\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u001b[31m\"",
        "\"\\ufeff\\u200b\"", "\"𝔈𝔫𝔱𝔯𝔞𝔦𝔡𝔢 🇫🇷\"", "\"Ω≈ç√∫\"", "\"' OR 1=1 --\"", "\"=cmd|' /C calc'!A0\"", "\"../../etc/passwd\"",
        "\"<script>alert(1)</script>\"", "\"00000000-0000-0000-0000-000000000000\"", "\"" + new string('x', 5000) + "\"",
        "\"" + string.Concat(Enumerable.Repeat("é", 3000)) + "\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01\"", "\"2024-02-30\"",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "24", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", "1e308", "1e400", "-1e400", "0.5", "-0.0", "1E-400", "123456789012345678901234567890",
    ];

    private static readonly string[] Oddities =
    [
        "null", "true", "false", "[]", "{}", "[null]", "[null,null]", "\"NaN\"", "\"Infinity\"", "{\"$ref\":\"#\"}",
        new string('[', 300) + new string(']', 300), string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200),
    ];

    public Gen<string> For(JsonElement schema) => For(schema, 0);

    private Gen<string> For(JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        var shaped = Shaped(schema, depth);
        return Gen.Frequency<string>((12, shaped), (2, Gen.OneOf(Oddities)), (2, Gen.OneOf(Strings)), (2, Gen.OneOf(Numbers)));
    }

    private Gen<string> Shaped(JsonElement schema, int depth)
    {
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
            return Gen.OneOf([.. values.EnumerateArray().Select(v => v.GetRawText())]);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options) && options.GetArrayLength() > 0)
                return Gen.OneOf<string>([.. options.EnumerateArray().Select(o => (IGen<string>)Shaped(Resolve(o), depth))]);
        }
        return TypeOf(schema) switch
        {
            "object" when depth < MaxDepth => ObjectOf(schema, depth),
            "array" when depth < MaxDepth => ArrayOf(schema, depth),
            "string" => StringOf(schema),
            "integer" or "number" => Gen.OneOf(Numbers),
            "boolean" => Gen.OneOf("true", "false"),
            _ => Gen.OneOf(Oddities),
        };
    }

    private Gen<string> ObjectOf(JsonElement schema, int depth)
    {
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(x => (x.Name, Gen: For(x.Value, depth + 1))).ToList()
            : [];
        // Each property: absent (a quarter of the time) or generated; now and then an unknown one.
        var gens = properties.Select(x => Gen.Int[0, 3].SelectMany(keep => keep == 0
            ? Gen.Const((string?)null)
            : x.Gen.Select(v => (string?)(JsonSerializer.Serialize(x.Name) + ":" + v)))).ToList();
        gens.Add(Gen.Int[0, 7].Select(n => n == 0 ? "\"unexpected\\u0000\":{\"deep\":[1,2,{\"x\":null}]}" : (string?)null));
        return Combine(gens).Select(parts => "{" + string.Join(",", parts.OfType<string>()) + "}");
    }

    private Gen<string> ArrayOf(JsonElement schema, int depth)
    {
        var item = schema.TryGetProperty("items", out var i) ? For(i, depth + 1) : Gen.OneOf(Oddities);
        var maybeNull = Gen.Frequency<string>((4, item), (1, Gen.Const("null")));
        return Gen.Int[0, 4].SelectMany(n => Combine([.. Enumerable.Repeat(maybeNull.Select(s => (string?)s), n)]))
            .Select(items => "[" + string.Join(",", items) + "]");
    }

    private static Gen<string> StringOf(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => Gen.OneOf("\"" + Guid.NewGuid() + "\"", "\"00000000-0000-0000-0000-000000000000\"", "\"not-a-guid\"", "\"\\u0000\""),
            "date" => Gen.OneOf("\"2024-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2024-02-30\"", "\"-0001-01-01\"", "\"2024-1-1\""),
            "date-time" => Gen.OneOf("\"2024-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59+14:00\"", "\"0001-01-01T00:00:00-14:00\"",
                "\"2024-13-01T00:00:00Z\"", "\"" + DateTimeOffset.UtcNow.AddYears(5).ToString("O", CultureInfo.InvariantCulture) + "\""),
            "byte" => Gen.OneOf("\"aGVsbG8=\"", "\"!!!\"", "\"\"", "\"" + Convert.ToBase64String(new byte[6000]) + "\""),
            _ => Gen.OneOf(Strings),
        };
    }

    private static Gen<List<string?>> Combine(IReadOnlyList<Gen<string?>> gens)
    {
        var acc = Gen.Const(new List<string?>());
        foreach (var g in gens) acc = acc.SelectMany(list => g.Select(v => new List<string?>(list) { v }));
        return acc;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var t))
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        if (t.ValueKind == JsonValueKind.String) return t.GetString();
        return t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : null;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r); i++)
        {
            var node = document;
            foreach (var part in r.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            schema = node;
        }
        return schema;
    }
}
