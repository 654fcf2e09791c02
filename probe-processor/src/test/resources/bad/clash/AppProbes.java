package clash;

public final class AppProbes {}
