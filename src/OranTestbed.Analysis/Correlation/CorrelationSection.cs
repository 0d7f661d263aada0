namespace OranTestbed.Analysis.Correlation;

/// <summary>
/// One stored C-plane section: its sectionId, PRBs (startPrbc, effective numPrbc, rb), the symbols it addresses as a
/// bit mask of symbol numbers 0..13 (<see cref="Expected"/>), the symbols UL U-plane answered so far and the frame
/// number of its C-plane message (the example of an orphan).
/// </summary>
internal struct CorrelationSection
{
    public int SectionId;
    public int StartPrb;
    public int NumPrb;
    public bool Rb;
    public int Expected;
    public int Answered;
    public long Frame;
}
