package nl.quickscan.surveys;

/** One thing wrong in a survey file: the file, where in it (the key path, and the line when known; 0 when not), and what. */
public record SurveyProblem(String file, int line, String path, String message) {

    public SurveyProblem(String file, String path, String message) {
        this(file, 0, path, message);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
