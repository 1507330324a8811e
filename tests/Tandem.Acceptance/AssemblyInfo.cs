// Each scenario is one test class (one collection), and scenarios mostly sleep: run them all at once, however many
// cores there are, so the suite takes about as long as its slowest scenario.
[assembly: CollectionBehavior(MaxParallelThreads = -1)]
