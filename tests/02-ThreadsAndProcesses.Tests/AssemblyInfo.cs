// These tests count threads and calls in flight. Run them one class at a time, so that one test's
// threads never compete with another's for the thread pool or the two cores of a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
