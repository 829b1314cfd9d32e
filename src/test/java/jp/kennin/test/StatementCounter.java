package jp.kennin.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the test's own thread prepares between {@link #start()} and
 * {@link #count()}, so a test can state how many statements a request costs (background
 * jobs on other threads are not counted).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final AtomicInteger count = new AtomicInteger();

	private volatile Thread counted;

	private final List<String> sql = new CopyOnWriteArrayList<>();

	public void start() {
		count.set(0);
		sql.clear();
		counted = Thread.currentThread();
	}

	/**
	 * The statements prepared on the starting thread since {@link #start()}; stops
	 * counting.
	 */
	public int count() {
		counted = null;
		return count.get();
	}

	/**
	 * The statements counted since {@link #start()}, in order (their SQL text where
	 * prepared).
	 */
	public List<String> statements() {
		return List.copyOf(sql);
	}

	@Bean
	static BeanPostProcessor statementCountingDataSource(
			org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource ds && "dataSource".equals(name)) {
					return new DelegatingDataSource(ds) {
						@Override
						public Connection getConnection() throws SQLException {
							return counter.getObject().counting(super.getConnection());
						}

						@Override
						public Connection getConnection(String user, String password) throws SQLException {
							return counter.getObject().counting(super.getConnection(user, password));
						}
					};
				}
				return bean;
			}
		};
	}

	private Connection counting(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (STATEMENTS.contains(method.getName()) && Thread.currentThread() == counted) {
				count.incrementAndGet();
				sql.add(args != null && args.length > 0 && args[0] instanceof String text ? text : method.getName());
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException e) {
				throw e.getTargetException();
			}
		};
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

}
