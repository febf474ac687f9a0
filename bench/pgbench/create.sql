-- The statements of one Anam create (POST /v1/share-links) as the server issued them before #20 item 5: the
-- API-key lookup (ApiKeyRepository.findByHash, before the transaction), then one transaction with the persona read
-- (PersonaRepository.findById), the link insert (ShareLinkRepository.insert) and the audit record
-- (AuditEventRepository.insert, a changes document of the size the server writes; written with ": "
-- because pgbench would take ":null" for a variable), committed with
-- synchronous_commit on. pgbench sends BEGIN as a round trip of its own; the server's driver does not.
-- The server now reads the persona inside the insert (ShareLinkRepository.insertForPersona: one statement fewer);
-- this script keeps the separate statements on purpose: it is the fixed reference item 5 is measured against.
\set n random(1, :personas)
SELECT id, organization_id, name, created_at FROM api_keys WHERE key_hash = (SELECT hash FROM bench_key);
BEGIN;
SELECT id, organization_id, name FROM personas WHERE id = (SELECT id FROM bench_personas WHERE n = :n);
INSERT INTO share_links (id, organization_id, persona_id, persona_name, token, link_type, expires_at,
    usage_limit, usage_count, allowed_origins, allow_all_origins, remove_watermark, enabled,
    primary_persona_id, created_at, updated_at, last_used_at)
 SELECT gen_random_uuid(), organization_id, id, name, 'sh_' || substr(md5(random()::text), 1, 22), 'LINK',
    now() + interval '168 hours', 10, 0, '', false, false, true, null, now(), now(), null
 FROM personas WHERE id = (SELECT id FROM bench_personas WHERE n = :n);
INSERT INTO audit_events (occurred_at, organization_id, actor_type, actor_id, action, target_type, target_id, changes)
 SELECT now(), organization_id, 'api_key', gen_random_uuid(), 'share_link.created', 'share_link', gen_random_uuid()::text,
    '{"personaId": {"from": null, "to": "00000000-0000-0000-0000-000000000000"}, "personaName": {"from": null, "to": "Persona 00000000"}, "type": {"from": null, "to": "link"}, "expiresAt": {"from": null, "to": "2026-11-30T13:00:00Z"}, "usageLimit": {"from": null, "to": 10}, "usageCount": {"from": null, "to": 0}, "allowedOrigins": {"from": null, "to": []}, "allowAllOrigins": {"from": null, "to": false}, "removeWatermark": {"from": null, "to": false}, "enabled": {"from": null, "to": true}, "isPrimary": {"from": null, "to": false}}'
 FROM personas WHERE id = (SELECT id FROM bench_personas WHERE n = :n);
END;
