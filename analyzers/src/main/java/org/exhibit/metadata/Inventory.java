package org.exhibit.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What `inspect` learned about one file.
 *
 * @param width    pixels, images only
 * @param height   pixels, images only
 * @param duration seconds, audio and video only
 * @param pages    documents only
 * @param reader   which library read the metadata
 * @param items    every item, in the reader's order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"width", "height", "duration", "pages", "reader", "items"})
public record Inventory(Integer width, Integer height, Double duration, Integer pages, String reader,
                        List<MetadataItem> items) {

    /** The first value of a tag in a group, or null. */
    public String value(String group, String tag) {
        return items.stream().filter(i -> i.group().equals(group) && i.tag().equals(tag)).map(MetadataItem::value)
                .findFirst().orElse(null);
    }
}
