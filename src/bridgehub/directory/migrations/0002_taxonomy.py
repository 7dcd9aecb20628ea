from django.db import migrations


def load_taxonomy(apps, schema_editor):
    from bridgehub.directory.taxonomy import SECTORS

    sector_model = apps.get_model("directory", "Sector")
    by_code = {}
    for position, spec in enumerate(SECTORS):
        sector, _created = sector_model.objects.update_or_create(
            code=spec.code,
            defaults={
                "parent": by_code.get(spec.parent),
                "label_zh_hant": spec.zh_hant,
                "label_ja": spec.ja,
                "label_en": spec.en,
                "synonyms": spec.synonyms,
                "position": position,
            },
        )
        by_code[spec.code] = sector


def trigram_index(apps, schema_editor):
    # PostgreSQL answers substring search (LIKE '%…%') from a trigram index; SQLite scans.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS directory_org_search_trgm "
        "ON directory_organisation USING gin (search_document gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS directory_org_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(load_taxonomy, migrations.RunPython.noop),
        migrations.RunPython(trigram_index, drop_trigram_index),
    ]
