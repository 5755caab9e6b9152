package org.exhibit.models;

/** A registered model cannot be used on this machine: not fetched, or its file no longer matches its pin. */
public class ModelUnavailableException extends Exception {

    private final String model;

    public ModelUnavailableException(String model, String problem) {
        super("model " + model + ": " + problem);
        this.model = model;
    }

    public String model() {
        return model;
    }
}
