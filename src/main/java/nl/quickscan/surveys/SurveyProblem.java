package nl.quickscan.surveys;

/** One thing wrong in a survey file: the file, where in it, and what. */
public record SurveyProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
