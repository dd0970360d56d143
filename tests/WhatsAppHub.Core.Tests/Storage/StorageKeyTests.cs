using System.Text;
using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Core.Tests.Storage;

public class StorageKeyTests
{
    // Characters Table Storage forbids in PartitionKey / RowKey, plus our own separator.
    private static bool IsForbiddenInKeyPart(char c) =>
        c is '/' or '\\' or '#' or '?' or '|'
        || c <= '\u001F'
        || c is >= '\u007F' and <= '\u009F';

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=")]
    [InlineData("a/b+c=", "a%2Fb+c=")]
    [InlineData("100%", "100%25")]
    [InlineData("x|y", "x%7Cy")]
    [InlineData("\\#?", "%5C%23%3F")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("\u007f\u0085\u009f\u00a0", "%7F%85%9F\u00a0")]
    [InlineData("héllo wörld ✓ 😀", "héllo wörld ✓ 😀")]
    public void Escape_replaces_only_the_forbidden_characters(string id, string expected)
    {
        Assert.Equal(expected, StorageKey.Escape(id));
        Assert.Equal(id, StorageKey.Unescape(expected));
    }

    [Fact]
    public void Escape_returns_the_same_instance_when_nothing_needs_escaping()
    {
        string id = "15550001111";
        Assert.Same(id, StorageKey.Escape(id));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%2")]
    [InlineData("%G0")]
    [InlineData("abc%zz")]
    public void Unescape_rejects_broken_escapes(string escaped)
    {
        Assert.Throws<FormatException>(() => StorageKey.Unescape(escaped));
    }

    [Fact]
    public void Compose_keeps_the_prefix_and_escapes_the_rest()
    {
        string key = StorageKey.Compose("CONV", "1065/555", "4915+1|2");
        Assert.Equal("CONV|1065%2F555|4915+1%7C2", key);
        Assert.Equal(new[] { "CONV", "1065/555", "4915+1|2" }, StorageKey.Split(key));
    }

    [Fact]
    public void Compose_with_only_a_prefix_is_the_prefix()
    {
        Assert.Equal("MSG", StorageKey.Compose("MSG"));
    }

    [Theory]
    [InlineData("MSG|X")]
    [InlineData("A/B")]
    public void Compose_rejects_a_prefix_that_would_need_escaping(string prefix)
    {
        Assert.Throws<ArgumentException>(() => StorageKey.Compose(prefix, "id"));
    }

    [Fact]
    public void Compose_rejects_no_parts()
    {
        Assert.Throws<ArgumentException>(() => StorageKey.Compose());
    }

    [Fact]
    public void Fuzz_escape_never_contains_forbidden_characters_and_round_trips()
    {
        // Seeded so a failure is reproducible; the alphabet over-weights the interesting characters.
        var random = new Random(20240611);
        const string interesting = "/+=|%\\#?'\"() .-_~:;&aZ09";
        for (int n = 0; n < 5000; n++)
        {
            string id = RandomString(random, interesting);
            string escaped = StorageKey.Escape(id);

            Assert.DoesNotContain(escaped, IsForbiddenInKeyPart);
            Assert.Equal(id, StorageKey.Unescape(escaped));

            string key = StorageKey.Compose("T", id, id);
            Assert.Equal(new[] { "T", id, id }, StorageKey.Split(key));
        }
    }

    [Fact]
    public void Escape_preserves_order_of_ids_without_escaped_characters()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 500).Select(_ => random.Next(0, 1_000_000).ToString("D7")).Distinct().ToList();
        var byId = ids.OrderBy(x => x, StringComparer.Ordinal).ToList();
        var byEscaped = ids.OrderBy(StorageKey.Escape, StringComparer.Ordinal).ToList();
        Assert.Equal(byId, byEscaped);
    }

    [Fact]
    public void DescendingTimeKey_sorts_newest_first_and_is_19_digits()
    {
        var random = new Random(42);
        var times = Enumerable.Range(0, 2000)
            .Select(_ => new DateTimeOffset(random.NextInt64(DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero))
            .Append(DateTimeOffset.MinValue)
            .Append(DateTimeOffset.MaxValue)
            .Append(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.FromHours(5)))
            .ToList();

        var newestFirst = times.OrderByDescending(t => t.UtcTicks).Select(t => t.UtcTicks).ToList();
        var byKey = times.OrderBy(StorageKey.DescendingTimeKey, StringComparer.Ordinal).Select(t => t.UtcTicks).ToList();
        Assert.Equal(newestFirst, byKey);

        Assert.All(times, t => Assert.Equal(19, StorageKey.DescendingTimeKey(t).Length));
        Assert.Equal("0000000000000000000", StorageKey.DescendingTimeKey(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void DescendingTimeKey_uses_the_utc_instant_not_the_local_clock()
    {
        var utc = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var sameInstant = utc.ToOffset(TimeSpan.FromHours(-7));
        Assert.Equal(StorageKey.DescendingTimeKey(utc), StorageKey.DescendingTimeKey(sameInstant));
    }

    private static string RandomString(Random random, string interesting)
    {
        int length = random.Next(0, 40);
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(4))
            {
                case 0:
                    builder.Append(interesting[random.Next(interesting.Length)]);
                    break;
                case 1:
                    // Control characters, both C0 and C1 ranges, and DEL.
                    builder.Append((char)random.Next(0, 0xA0));
                    break;
                case 2:
                    // Any BMP character except lone surrogates.
                    char c;
                    do { c = (char)random.Next(0xA0, 0xFFFF); } while (char.IsSurrogate(c));
                    builder.Append(c);
                    break;
                default:
                    builder.Append(char.ConvertFromUtf32(random.Next(0x1F600, 0x1F64F)));
                    break;
            }
        }

        return builder.ToString();
    }
}
