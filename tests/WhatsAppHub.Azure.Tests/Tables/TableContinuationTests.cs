using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Azure.Tests.Tables;

public class TableContinuationTests
{
    [Theory]
    [InlineData("1!8!cGsx", "1!12!cm93MQ--")]
    [InlineData("CONV|a%2Fb+c=", null)]
    [InlineData("ünï ✓", "")]
    public void Tokens_round_trip_and_are_url_safe(string partition, string? row)
    {
        var continuation = new TableContinuation(partition, row);
        string token = continuation.ToToken();
        Assert.Equal(Uri.EscapeDataString(token), token);
        Assert.Equal(continuation, TableContinuation.Parse(token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b.c")]
    [InlineData("!!!")]
    [InlineData("/w==")]
    public void Garbage_tokens_are_refused(string token)
    {
        Assert.False(TableContinuation.TryParse(token, out _));
        Assert.Throws<FormatException>(() => TableContinuation.Parse(token));
    }

    [Fact]
    public void Filters_quote_literals_and_and_the_partition()
    {
        var query = new TableQuery { PartitionKey = "it's", Filter = "A eq 1 or B eq 2" };
        Assert.Equal("PartitionKey eq 'it''s' and (A eq 1 or B eq 2)", query.BuildFilter());
        Assert.Equal("RowKey ge 'MSG|' and RowKey lt 'MSG}'", TableFilter.StartsWith("RowKey", "MSG|"));
        Assert.Null(new TableQuery().BuildFilter());
    }
}
