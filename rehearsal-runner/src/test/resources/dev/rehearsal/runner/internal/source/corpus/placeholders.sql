-- owner: ${owner}
CREATE TABLE ${schema}.items (id int);
GRANT SELECT ON ${schema}.items TO ${flyway:user};
