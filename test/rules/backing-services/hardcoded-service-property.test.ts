import rule from '../../../server/src/rules/backing-services/hardcoded-service-property';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    { name: 'placeholders', code: 'spring:\n  rabbitmq:\n    host: ${RABBITMQ_HOST:localhost}\n  kafka:\n    bootstrap-servers: ${KAFKA_BROKERS}\n' },
    { name: "localhost is Spring Boot's own default", code: 'spring:\n  redis:\n    host: localhost\n  elasticsearch:\n    uris: http://localhost:9200\nminio:\n  endpoint: http://127.0.0.1:9000\n' },
    { name: 'a development profile document', code: 'spring:\n  config:\n    activate:\n      on-profile: dev\n  rabbitmq:\n    host: rabbitmq\n' },
    { name: 'look-alike properties', code: 'server:\n  host: 0.0.0.0\napp:\n  cache:\n    host-name: users\nspring:\n  redis:\n    timeout: 2000\n  mail:\n    username: bot\n' },
    { name: 'an empty value', code: 'spring:\n  rabbitmq:\n    addresses: ""\n' },
    { name: "the config server's own Git repository is no backing service", code: 'spring:\n  cloud:\n    config:\n      server:\n        git:\n          uri: https://github.com/acme/config\n' },
  ],
  invalid: [
    {
      name: 'the config server and the service registry',
      code: 'spring:\n  cloud:\n    config:\n      uri: «http://config:8888»\neureka:\n  client:\n    service-url:\n      defaultZone: «http://registry.internal:8761/eureka/»\n',
      errors: [
        { messageId: 'serviceName', data: { name: 'spring.cloud.config.uri', service: 'config server', host: 'config', env: 'SPRING_CLOUD_CONFIG_URI' } },
        { messageId: 'literalHost', data: { name: 'eureka.client.service-url.defaultZone', service: 'service registry', host: 'registry.internal', env: 'EUREKA_CLIENT_SERVICEURL_DEFAULTZONE' } },
      ],
      output: 'spring:\n  cloud:\n    config:\n      uri: ${SPRING_CLOUD_CONFIG_URI:http://config:8888}\neureka:\n  client:\n    service-url:\n      defaultZone: ${EUREKA_CLIENT_SERVICEURL_DEFAULTZONE:http://registry.internal:8761/eureka/}\n',
    },
    {
      name: 'a compose service name, a private Kafka broker, a MinIO endpoint and a mail host',
      code: 'spring:\n  rabbitmq:\n    host: «rabbitmq»\n  kafka:\n    bootstrap-servers: «10.0.3.7:9092,10.0.3.8:9092»\n  mail:\n    host: «smtp.example.com»\nminio:\n  endpoint: «http://192.168.3.101:9090»\n',
      errors: [
        { messageId: 'serviceName', data: { name: 'spring.rabbitmq.host', service: 'RabbitMQ broker', host: 'rabbitmq', env: 'SPRING_RABBITMQ_HOST' } },
        { messageId: 'privateAddress', data: { name: 'spring.kafka.bootstrap-servers', service: 'Kafka cluster', host: '10.0.3.7', env: 'SPRING_KAFKA_BOOTSTRAPSERVERS' } },
        { messageId: 'literalHost', data: { name: 'spring.mail.host', service: 'mail server', host: 'smtp.example.com', env: 'SPRING_MAIL_HOST' } },
        { messageId: 'privateAddress', data: { name: 'minio.endpoint', service: 'object storage', host: '192.168.3.101', env: 'MINIO_ENDPOINT' } },
      ],
      output: 'spring:\n  rabbitmq:\n    host: ${SPRING_RABBITMQ_HOST:rabbitmq}\n  kafka:\n    bootstrap-servers: ${SPRING_KAFKA_BOOTSTRAPSERVERS:10.0.3.7:9092,10.0.3.8:9092}\n  mail:\n    host: ${SPRING_MAIL_HOST:smtp.example.com}\nminio:\n  endpoint: ${MINIO_ENDPOINT:http://192.168.3.101:9090}\n',
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.properties' }, {
  valid: [
    { name: 'a Redis URL with a placeholder', code: 'spring.data.redis.url=redis://${REDIS_HOST}:6379\n' },
    { name: 'a URL with a password is a secret, reported by literal-secret-property', code: 'spring.rabbitmq.addresses=amqp://orders:r4bbit-pass@rabbitmq.internal:5672\n' },
  ],
  invalid: [
    {
      name: 'Boot 3 Redis, Elasticsearch URIs and camelCase Kafka in a properties file',
      code: 'spring.data.redis.host=«cache.internal»\nspring.elasticsearch.uris=«http://es-1.internal:9200»\nspring.kafka.consumer.bootstrapServers=«kafka:9092»\n',
      errors: [
        { messageId: 'literalHost', data: { name: 'spring.data.redis.host', service: 'Redis', host: 'cache.internal', env: 'SPRING_DATA_REDIS_HOST' } },
        { messageId: 'literalHost', data: { name: 'spring.elasticsearch.uris', service: 'Elasticsearch cluster', host: 'es-1.internal', env: 'SPRING_ELASTICSEARCH_URIS' } },
        { messageId: 'serviceName', data: { name: 'spring.kafka.consumer.bootstrapServers', service: 'Kafka cluster', host: 'kafka', env: 'SPRING_KAFKA_CONSUMER_BOOTSTRAPSERVERS' } },
      ],
      output: 'spring.data.redis.host=${SPRING_DATA_REDIS_HOST:cache.internal}\nspring.elasticsearch.uris=${SPRING_ELASTICSEARCH_URIS:http://es-1.internal:9200}\nspring.kafka.consumer.bootstrapServers=${SPRING_KAFKA_CONSUMER_BOOTSTRAPSERVERS:kafka:9092}\n',
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.properties' }, {
  valid: [{ name: 'test resources are not packaged', code: 'spring.data.redis.host=cache.internal\n' }],
  invalid: [],
});
