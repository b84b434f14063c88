package io.opengws.notification.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: its features and settings. Nothing crosses contact centers. */
@Entity
@Table(name = "contact_center")
public class ContactCenter {

    public static final String DEFAULT_NAME = "default";

    @Id
    public String id;

    @Column(nullable = false, unique = true)
    public String name;

    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false, columnDefinition = "TEXT")
    public List<String> features = new ArrayList<>();

    @Convert(converter = JsonText.StringMap.class)
    @Column(nullable = false, columnDefinition = "TEXT")
    public Map<String, String> settings = new LinkedHashMap<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
