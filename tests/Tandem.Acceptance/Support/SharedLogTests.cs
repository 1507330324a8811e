namespace Tandem.Acceptance.Support;

public sealed class SharedLogTests
{
    private static readonly SharedLog Serial = SharedLog.Parse("""
        100 init-1 Starting
        100 init-1 Started
        101 init-1 Exiting
        101 regular-1 Starting
        102 regular-1 Started
        105 regular-1 Exiting
        """);

    [Fact]
    public void Parse_skips_lines_that_are_not_time_name_event()
    {
        var log = SharedLog.Parse("100 a Started\n\nnot a line\nabc a Started\n101 a  Exiting twice\n");

        Assert.Equal(2, log.Lines.Count);
        Assert.Equal(new SharedLogLine(DateTimeOffset.FromUnixTimeSeconds(101), "a", " Exiting twice"), log.Lines[1]);
    }

    [Fact]
    public void Starts_and_exits_need_their_lines()
    {
        Assert.True(Serial.Starts("init-1"));
        Assert.True(Serial.Exits("regular-1"));
        Assert.True(Serial.DoesntStart("sidecar-1"));
        Assert.False(SharedLog.Parse("1 a Starting").Starts("a"));
    }

    [Fact]
    public void StartsBefore_needs_a_starting_after_the_first_started()
    {
        Assert.True(Serial.StartsBefore("init-1", "regular-1"));
        Assert.False(Serial.StartsBefore("regular-1", "init-1"));
        Assert.False(Serial.StartsBefore("missing", "regular-1"));
    }

    [Fact]
    public void StartsBefore_holds_both_ways_when_b_starts_again_later()
    {
        var log = SharedLog.Parse("1 s Starting\n1 s Started\n2 r Starting\n2 r Started\n6 s Exiting\n6 s Starting\n6 s Started");

        Assert.True(log.StartsBefore("s", "r"));
        Assert.True(log.StartsBefore("r", "s"));
    }

    [Fact]
    public void ExitsBefore_needs_an_exiting_after_the_first_exiting()
    {
        Assert.True(Serial.ExitsBefore("init-1", "regular-1"));
        Assert.False(Serial.ExitsBefore("regular-1", "init-1"));
    }

    [Fact]
    public void RunTogether_needs_b_started_inside_a_and_a_started_before_b_exits()
    {
        var log = SharedLog.Parse("1 a Started\n2 b Started\n3 b Exiting\n4 a Exiting\n5 c Started");

        Assert.True(log.RunTogether("a", "b"));
        Assert.False(log.RunTogether("b", "a"), "a started before b");
        Assert.False(log.RunTogether("a", "c"), "c started after a exited");
        Assert.False(Serial.RunTogether("init-1", "regular-1"));
    }

    [Fact]
    public void RunTogether_treats_a_missing_exit_as_still_running()
    {
        var log = SharedLog.Parse("1 a Started\n2 b Started");

        Assert.True(log.RunTogether("a", "b"));
        Assert.False(log.RunTogether("a", "missing"));
    }

    [Fact]
    public void Restarts_count_starting_lines()
    {
        var log = SharedLog.Parse("1 a Starting\n2 a Exiting\n3 a Starting\n4 b Starting");

        Assert.True(log.HasRestarted("a"));
        Assert.False(log.HasNotRestarted("a"));
        Assert.True(log.HasNotRestarted("b"));
        Assert.False(log.HasRestarted("b"));
        Assert.False(log.HasNotRestarted("c"));
    }

    [Fact]
    public void Times_are_in_file_order()
    {
        var log = SharedLog.Parse("5 a Looping\n6 a Looping\n8 a Looping");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(5), log.First("a", "Looping"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(8), log.Last("a", "Looping"));
        Assert.Equal(3, log.Times("a", "Looping").Count);
        Assert.Throws<InvalidOperationException>(() => log.First("a", "Exiting"));
    }
}
