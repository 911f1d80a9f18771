using System.Text.Json.Nodes;
using Cairn.Development.Fuzzing;

namespace Cairn.Development.Tests.Fuzzing;

/// <summary>Multipart/form-data fuzz cases (uploads): the form read from the OpenAPI schema, cases fixed by the seed.</summary>
public class ApiFormMutatorTests
{
    // The shape ASP.NET Core's OpenAPI generator gives an upload with IFormFile and two [FromForm] strings.
    private static readonly JsonNode Schema = JsonNode.Parse("""
        { "allOf": [
            { "type": "object", "properties": { "file": { "$ref": "#/components/schemas/IFormFile" } } },
            { "type": "object", "properties": { "method": { "type": "string" }, "source": { "type": "string" } } } ] }
        """)!;

    private static readonly JsonObject Schemas = JsonNode.Parse("""{ "IFormFile": { "type": "string", "format": "binary" } }""")!.AsObject();

    [Fact]
    public void SampleFrom_ReadsEveryField_AndTellsAFileByItsBinaryFormat()
    {
        var parts = ApiFormMutator.SampleFrom(Schema, Schemas);

        Assert.Equal(["file", "method", "source"], parts.Select(p => p.Name));
        Assert.Equal([true, false, false], parts.Select(p => p.IsFile));
    }

    [Fact]
    public void Next_IsTheSameForTheSameSeed_AndMostlyChangesOnePartOfASeedForm()
    {
        IReadOnlyList<ApiFormPart> form = [new("file", true, "evidence text"u8.ToArray(), "a.txt"), new("method", false, "screenshot"u8.ToArray())];
        var first = new ApiFormMutator([form], 17);
        var second = new ApiFormMutator([form], 17);
        int changedOnePart = 0;

        for (var i = 0; i < 200; i++)
        {
            var a = first.Next(out var rawA);
            var b = second.Next(out var rawB);
            Assert.Equal(rawA, rawB);
            Assert.Equal(a?.Select(p => (p.Name, Convert.ToHexString(p.Content), p.FileName)), b?.Select(p => (p.Name, Convert.ToHexString(p.Content), p.FileName)));
            if (a is { Count: 2 } && a.Zip(form).Count(x => !x.First.Content.AsSpan().SequenceEqual(x.Second.Content)) == 1) changedOnePart++;
        }

        Assert.True(changedOnePart > 120, $"{changedOnePart} of 200 changed exactly one part");
    }
}
